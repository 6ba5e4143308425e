import Foundation
import LeggioStore
import Testing

@Suite struct CLIKillTests {
  @Test func killingAnImportNeverLeavesAHalfWrittenArticle() throws {
    // Given a batch of 300 long articles (about 50 KB each, so each import takes a while)
    let cli = try CLIHarness()
    let paragraph =
      String(repeating: "Una frase di prova con qualche parola in più. ", count: 60)
      + "\n\n"
    let body = String(repeating: paragraph, count: 18)
    for n in 0..<300 {
      try cli.write(
        String(format: "lotto/articolo-%03d.txt", n),
        "Articolo \(n)\n\n\(body)Numero \(n).\n")
    }
    // When `leggio add` is killed with SIGKILL after its first 30 articles
    let process = cli.process(["add", cli.directory.appendingPathComponent("lotto").path])
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    var seen = 0
    var buffer = Data()
    while seen < 30 {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      buffer += chunk
      seen = buffer.split(separator: UInt8(ascii: "\n")).count
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    // Then every stored article is whole: its version and its search row are there
    #expect(process.terminationReason == .uncaughtSignal)
    let library = try Library(path: cli.libraryPath, deviceID: "test")
    #expect(try library.integrityProblems() == [])
    let stored = try library.count(ArticleQuery())
    #expect(stored >= seen)
    #expect(stored < 300, "the import finished before it was killed; the test proved nothing")
    for summary in try library.summaries(ArticleQuery(), offset: 0, limit: stored) {
      let article = try #require(try library.article(id: summary.id))
      #expect(article.document.blocks.count >= 2)
      #expect(
        try library.search("Numero \(summary.title.split(separator: " ").last ?? "")")
          .contains { $0.id == summary.id })
    }
  }
}
