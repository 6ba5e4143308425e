import Foundation
import LeggioImport
import LeggioIntake
import LeggioStore
import Testing

/// URL-only imports fetched from a real server on 127.0.0.1: pages that answer, 404s,
/// a redirect and a slow page; failures kept with their reason and retried.
@Suite struct PendingFetchTests {
  @Test func pendingArticlesAreFetchedAndFailuresKeptWithTheirReason() async throws {
    let server = try await PageServer.start()
    defer { Task { await server.stop() } }
    await server.state.setFailing(["/gone/first", "/gone/second"])
    let library = try Library.inMemory()
    // Given an Instapaper export of six pages, one with a highlighted passage
    let csv = """
      URL,Title,Selection,Folder
      \(server.url("/page/alpha")),Alpha,"Paragraph 3 of alpha: a sentence long enough to read",Unread
      \(server.url("/page/beta")),Beta,,Starred
      \(server.url("/moved/gamma")),Gamma,,Unread
      \(server.url("/slow/delta")),Delta,,Archive
      \(server.url("/gone/first")),First gone,,Unread
      \(server.url("/gone/second")),Second gone,,Unread
      """
    let summary = try IntakeFixtures.importText(csv, name: "instapaper.csv", into: library)
    #expect(Counts(summary) == Counts(pending: 6))
    let highlighted = try #require(try library.annotations.annotations().first)
    #expect(highlighted.isOrphaned, "no text to place it on yet")

    // When the queue is fetched, at most two at a time from this one host
    let fetcher = PendingFetcher(library: library, fetcher: PageFetcher(timeout: 60), perHost: 2)
    let results = await fetcher.fetch(try library.pendingFetches())

    // Then four pages are stored, the two 404s are kept with their reason
    #expect(results.count == 6)
    #expect(results.filter { $0.error == nil }.count == 4)
    #expect(await server.state.maximumInFlight <= 2)
    #expect(try library.count(ArticleQuery()) == 6)
    #expect(try library.count(ArticleQuery(pendingOnly: true)) == 2)
    #expect(try library.pendingFetches().isEmpty, "failures are retried only when asked")
    let failed = try library.pendingFetches(retryingFailed: true)
    #expect(Set(failed.map(\.title)) == ["First gone", "Second gone"])
    #expect(failed.allSatisfy { $0.attempts == 1 && $0.lastError?.contains("404") == true })

    // The redirected page is the same article, known by the address the export gave
    let gamma = try #require(
      try library.entries(ArticleQuery()).first { $0.metadata.source == server.url("/moved/gamma") }
    )
    #expect(!gamma.summary.isPending)
    #expect(gamma.summary.title == "gamma-moved")
    // The state the export gave survives the fetch
    #expect(try library.entries(ArticleQuery(starredOnly: true)).map(\.summary.title) == ["beta"])
    // The highlight found its passage in the fetched text
    let placed = try #require(try library.annotations.annotations().first)
    #expect(!placed.isOrphaned)
    let alpha = try #require(try library.annotationArticle(uuid: placed.articleUUID))
    let scalars = Array(alpha.text.unicodeScalars)
    #expect(
      String(String.UnicodeScalarView(scalars[placed.anchor.start..<placed.anchor.end]))
        == "Paragraph 3 of alpha: a sentence long enough to read")

    // When one page comes back and the failures are retried
    await server.state.setFailing(["/gone/second"])
    let retried = await fetcher.fetch(try library.pendingFetches(retryingFailed: true))
    #expect(retried.filter { $0.error == nil }.map(\.pending.title) == ["First gone"])
    let still = try library.pendingFetches(retryingFailed: true)
    #expect(still.map(\.title) == ["Second gone"])
    #expect(still.first?.attempts == 2)
    #expect(try library.integrityProblems() == [])
  }
}
