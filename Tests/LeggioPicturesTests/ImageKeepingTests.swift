import FlyingFox
import Foundation
import LeggioImport
import LeggioModel
import LeggioStore
import LeggioTestSupport
import Testing

/// A real news page (the Guardian's, from the corpus) served from 127.0.0.1 with its
/// pictures: the article is saved with the pictures that are fine, and each that is not
/// (a 404, one too large, an HTML page sent as `image/png`, a decompression bomb) is named.
@Suite struct ImageKeepingTests {
  static let limits = ImageLimits(bytesPerImage: 300_000, bytesPerArticle: 2_000_000)

  /// The corpus page with its pictures' host pointed at `base`.
  static func page(base: URL) throws -> Data {
    let source = try String(
      contentsOf: SharedFiles.url("corpus/html/guardian-1/source.html"), encoding: .utf8)
    return Data(
      source.replacingOccurrences(of: "https://i.guim.co.uk/", with: base.absoluteString).utf8)
  }

  /// What the server answers for each picture, by its place in the article.
  enum Answer { case picture, missing, huge, htmlAsPNG, bomb }

  static func answers(for sources: [String]) -> [String: Answer] {
    var answers: [String: Answer] = [:]
    let failures: [Answer] = [.missing, .huge, .htmlAsPNG, .bomb]
    for (index, source) in sources.enumerated() {
      let path = URL(string: source)?.path ?? source
      answers[path] = index < failures.count ? failures[index] : .picture
    }
    return answers
  }

  func withServer(
    sources: @escaping @Sendable () -> [String], _ body: (URL) async throws -> Void
  ) async throws {
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0))
    let picture = TestPictures.png(width: 240, height: 160)
    let huge = TestPictures.png(width: 400, height: 400)  // ~480 KB stored: over the limit
    let baseBox = BaseBox()
    await server.appendRoute("GET /article.html") { _ in
      HTTPResponse(
        statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"],
        body: try Self.page(base: baseBox.value!))
    }
    await server.appendRoute("GET /img/*") { request in
      switch Self.answers(for: sources())[request.path] ?? .picture {
      case .picture:
        return HTTPResponse(statusCode: .ok, headers: [.contentType: "image/png"], body: picture)
      case .missing: return HTTPResponse(statusCode: .notFound)
      case .huge:
        return HTTPResponse(statusCode: .ok, headers: [.contentType: "image/png"], body: huge)
      case .htmlAsPNG:
        return HTTPResponse(
          statusCode: .ok, headers: [.contentType: "image/png"],
          body: Data("<!doctype html><title>Not found</title><p>Sorry".utf8))
      case .bomb:
        return HTTPResponse(
          statusCode: .ok, headers: [.contentType: "image/png"], body: TestPictures.bombPNG())
      }
    }
    try await server.serving { base in
      baseBox.value = base
      try await body(base)
    }
  }

  @Test func aNewsPageIsSavedWithItsPicturesAndEachFailureIsNamed() async throws {
    let sourcesBox = SourcesBox()
    try await withServer(sources: { sourcesBox.value }) { base in
      let url = base.appendingPathComponent("article.html")
      let page = try await PageFetcher(timeout: 60).fetch(url)
      var article = try WebPageImporter.importHTML(
        data: page.data, url: page.finalURL, contentType: page.contentType)
      let sources = ImageCollector.sources(in: article.document)
      sourcesBox.value = sources
      // Given a page whose article shows several pictures from the server
      #expect(sources.count >= 6, "\(sources)")
      #expect(sources.allSatisfy { $0.hasPrefix(base.absoluteString) })
      // When its pictures are collected
      let warningsBefore = article.warnings.count
      let collector = ImageCollector(limits: Self.limits, timeout: 60)
      // (on a thread of its own: fetching blocks, and the server needs the task threads)
      let snapshot = article
      article = await withCheckedContinuation { continuation in
        Thread {
          var copy = snapshot
          collector.collect(into: &copy)
          continuation.resume(returning: copy)
        }.start()
      }
      // Then the four bad ones are named, one warning each, and the rest are kept
      let warnings = Array(article.warnings.dropFirst(warningsBefore))
      #expect(warnings.count == 4, "\(warnings)")
      #expect(warnings[0] == "picture skipped: \(sources[0]): the server answered HTTP 404")
      #expect(
        warnings[1] == "picture skipped: \(sources[1]): larger than the 0.3 MB a picture may take")
      #expect(
        warnings[2]
          == "picture skipped: \(sources[2]): not a JPEG, PNG, GIF or WebP picture (sent as image/png)"
      )
      #expect(
        warnings[3]
          == "picture skipped: \(sources[3]): 100000x100000 pixels, too many to decode safely")
      #expect(article.images.map(\.source) == Array(sources.dropFirst(4)))
      #expect(
        article.images.allSatisfy { $0.info == ImageInfo(format: .png, width: 240, height: 160) })
      // And the library keeps the one picture once, linked under every address
      let library = try Library.inMemory()
      let id = try library.add(article).id
      let kept = try library.images(ofArticle: id)
      #expect(Set(kept.keys) == Set(sources.dropFirst(4)))
      #expect(try library.imageTotals().count == 1)
    }
  }

  @Test func thePicturesBudgetOfAnArticleSkipsWhatComesAfterIt() {
    let small = TestPictures.png(width: 50, height: 50, left: (1, 2, 3))
    let other = TestPictures.png(width: 50, height: 50, left: (4, 5, 6))
    let limits = ImageLimits(bytesPerArticle: small.count + 10)
    let results = [("a", small), ("b", small), ("c", other)].map { source, data in
      (source: source, result: ImageVetting.vet(data, source: source, limits: limits))
    }
    let (images, skipped) = ImageVetting.budget(results, limits: limits)
    // The same picture twice costs once; the third, another picture, is over the budget.
    #expect(images.map(\.source) == ["a", "b"])
    #expect(skipped.map(\.source) == ["c"])
  }

  @Test func removingAnArticleFreesThePicturesNothingElseShows() throws {
    let library = try Library.inMemory()
    let shared = KeptImage(
      source: "http://x/shared.png", data: TestPictures.png(width: 8, height: 8),
      info: ImageInfo(format: .png, width: 8, height: 8))
    let own = KeptImage(
      source: "http://x/own.png", data: TestPictures.png(width: 9, height: 9),
      info: ImageInfo(format: .png, width: 9, height: 9))
    func article(_ title: String, _ images: [KeptImage]) -> ImportedArticle {
      var article = ImportedArticle(
        metadata: ArticleMetadata(title: title, source: "http://x/\(title)"),
        document: Document(blocks: [Block(.paragraph, text: "Text of \(title).")]))
      article.images = images
      return article
    }
    let first = try library.add(article("one", [shared, own])).id
    let second = try library.add(article("two", [shared])).id
    #expect(try library.imageTotals().count == 2)
    try library.remove(ids: [first])
    #expect(try library.imageTotals().count == 1)
    #expect(try library.images(ofArticle: second).keys.sorted() == ["http://x/shared.png"])
    try library.remove(ids: [second])
    #expect(try library.imageTotals() == (0, 0))
  }

  @Test func theBestSourceOfAPictureIsChosenFromSrcsetLazyAttributesAndPictureSources() throws {
    let html = """
      <html><head><title>Pictures</title></head><body><article><h1>Pictures</h1>
      <p>\(String(repeating: "A paragraph of running text about the pictures below. ", count: 8))</p>
      <figure><img src="small.jpg" srcset="a-400.jpg 400w, a-1600.jpg 1600w, a-1200.jpg 1200w" alt="Wide">
      <figcaption>The srcset one © Agency</figcaption></figure>
      <p>\(String(repeating: "More running text so that the article is long enough. ", count: 8))</p>
      <figure><img src="data:image/gif;base64,R0lGOD" data-src="lazy.png" alt="Lazy"><figcaption>Lazy</figcaption></figure>
      <p>\(String(repeating: "Still more text to keep the extractor happy with us. ", count: 8))</p>
      <figure><picture><source type="image/avif" srcset="p.avif"><source type="image/webp" srcset="p.webp 1x, p2.webp 2x">
      <img src="p.jpg" alt="Picture"></picture><figcaption>Picture</figcaption></figure>
      <p>\(String(repeating: "And the last paragraph of the article, with its words. ", count: 8))</p>
      </article></body></html>
      """
    let article = try WebPageImporter.importHTML(
      data: Data(html.utf8), url: URL(string: "http://example.org/news/story.html"))
    #expect(
      ImageCollector.sources(in: article.document) == [
        "http://example.org/news/a-1200.jpg", "http://example.org/news/lazy.png",
        "http://example.org/news/p2.webp",
      ])
  }
}

private final class BaseBox: @unchecked Sendable { var value: URL? }
private final class SourcesBox: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [String] = []
  var value: [String] {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}
