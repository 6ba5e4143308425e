import Foundation
import LeggioImport
import LeggioModel
import LeggioTestSupport
import Testing

@testable import LeggioFeeds

#if canImport(Glibc)
  import Glibc
#endif

/// Random and mutated inputs for every format Leggio reads, from the test corpora: none may
/// crash the reader, hang it or let a terminal control character into what it returns.
/// Seeded, so a failure names the case that reproduces it; `LEGGIO_FUZZ_SCALE=10` runs
/// ten times as many.
/// Each case yields: run side by side on a 2-core machine the formats kept every thread
/// of Swift's cooperative pool busy for minutes, and the test process's own 127.0.0.1
/// servers (web, feed and picture tests) could not answer in time.
@Suite struct FuzzTests {
  enum Format: String, CaseIterable, CustomTestStringConvertible {
    case text, markdown, html, rss, atom, jsonFeed, opml, epub
    var testDescription: String { rawValue }

    /// Cases per run; parsing a whole EPUB costs more than a feed.
    var cases: Int {
      let scale = ProcessInfo.processInfo.environment["LEGGIO_FUZZ_SCALE"].flatMap(Int.init) ?? 1
      switch self {
      case .epub: return 300 * scale
      case .html: return 1000 * scale
      default: return 2000 * scale
      }
    }

    /// The unmutated inputs, at most 48 KiB each so a case stays quick.
    func seeds() throws -> [Data] {
      let corpus = SharedFiles.url("corpus")
      func files(_ folder: String, _ keep: (URL, Data) -> Bool) -> [Data] {
        let root = corpus.appendingPathComponent(folder)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var found: [Data] = []
        while let url = enumerator?.nextObject() as? URL {
          guard let data = try? Data(contentsOf: url), keep(url, data) else { continue }
          found.append(self == .epub ? data : data.prefix(48 * 1024))
        }
        return found
      }
      func starts(_ data: Data, with marker: String) -> Bool {
        String(decoding: data.prefix(600), as: UTF8.self).contains(marker)
      }
      switch self {
      case .text:
        return [try Data(contentsOf: SharedFiles.url("samples/cdt-putin-kim.txt"))]
          + files("texts") { url, _ in url.pathExtension == "txt" }.map { $0.prefix(16 * 1024) }
      case .markdown:
        let spec = try Data(contentsOf: SharedFiles.url("corpus/markdown/commonmark-spec.txt"))
        return stride(from: 0, to: spec.count, by: spec.count / 8).map {
          spec[$0..<min(spec.count, $0 + 16 * 1024)]
        }
      case .html: return files("html") { url, _ in url.lastPathComponent == "source.html" }
      case .rss: return files("feeds") { _, data in starts(data, with: "<rss") }
      case .atom: return files("feeds") { _, data in starts(data, with: "<feed") }
      case .jsonFeed:
        return files("feeds") { url, data in
          url.pathExtension == "json" && !url.lastPathComponent.contains("expected")
            && starts(data, with: "\"version\"")
        }
      case .opml: return files("feeds") { url, _ in url.pathExtension == "opml" }
      case .epub:
        return files("epub") { url, data in url.pathExtension == "epub" && data.count < 100_000 }
      }
    }

    /// Reads `data` as this format; what it returns, as text that must be safe.
    func read(_ data: Data) throws -> [String] {
      switch self {
      case .text, .markdown, .html, .epub:
        let name = ["article.txt", "article.md", "page.html", "book.epub"][
          [Format.text, .markdown, .html, .epub].firstIndex(of: self)!]
        let article = try ArticleImporter.importData(data, name: name)
        return [
          article.metadata.title, article.metadata.byline ?? "", article.metadata.kicker ?? "",
        ]
          + article.document.blocks.map(\.plainText)
      case .rss, .atom, .jsonFeed:
        let feed = try FeedParser.parse(data: data, contentType: nil, url: nil)
        // What reaches the screen as it is: titles, names, categories (a summary's HTML
        // goes through the importer, as `.html` cases test).
        return [feed.title ?? ""]
          + feed.items.flatMap {
            [$0.title ?? ""] + $0.authors.compactMap(\.displayName) + $0.categories
          }
      case .opml:
        return try OPML.parse(data: data).flatMap { [$0.title ?? ""] + $0.tags }
      }
    }
  }

  @Test(arguments: Format.allCases)
  func mutatedInputsNeverCrashAndNeverLetControlCharactersThrough(_ format: Format) async throws {
    let seeds = try format.seeds()
    try #require(!seeds.isEmpty, "no seed files for \(format) in ../shared/corpus")
    var random = SplitMix64(seed: 0x4C65_6767_696F ^ UInt64(format.rawValue.utf8.count))
    for number in 0..<format.cases {
      await Task.yield()
      let seed = seeds[Int(random.next() % UInt64(seeds.count))]
      let input = Mutation.apply(to: seed, using: &random)
      guard let texts = try? format.read(input) else { continue }
      for text in texts {
        // Line breaks and tabs are the text's own (verse, code); the rest must be gone.
        let unsafe = text.unicodeScalars.first {
          $0 != "\n" && $0 != "\t" && TerminalSafety.isUnsafe($0)
        }
        #expect(
          unsafe == nil,
          "case \(number) of \(format): U+\(String(unsafe?.value ?? 0, radix: 16, uppercase: true)) in \(text.prefix(80).debugDescription)"
        )
      }
    }
    #expect(PeakMemory.megabytes < PeakMemory.ceiling, "peak \(PeakMemory.megabytes) MB")
  }
}

/// The ways a case is made from a seed.
enum Mutation: CaseIterable {
  case flipBytes, truncate, insertRandom, repeatSlice, insertHostile, randomBytes

  static let hostile: [String] = [
    "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>",
    "&#0;", "&#x1B;[2J", "\u{1B}]0;owned\u{07}", "\u{9B}31m", "\u{202E}", "<![CDATA[", "]]>",
    String(repeating: "<div>", count: 300), String(repeating: "[", count: 300), "\u{0}",
    "<?xml version=\"1.0\" encoding=\"utf-16\"?>", "\u{FEFF}", "<meta charset=\"euc-jp\">",
    "<!--", "&", "\"", "{\"items\":", "<script>", "\u{FFFF}", "\r\n\r\n", "*", "> ", "```",
  ]

  static func apply(to seed: Data, using random: inout SplitMix64) -> Data {
    var bytes = [UInt8](seed)
    let mutation = allCases[Int(random.next() % UInt64(allCases.count))]
    func position() -> Int { bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count + 1)) }
    switch mutation {
    case .flipBytes:
      for _ in 0..<(1 + random.next() % 16) where !bytes.isEmpty {
        bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
      }
    case .truncate:
      bytes = Array(bytes.prefix(position()))
    case .insertRandom:
      let block = (0..<(random.next() % 512)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      bytes.insert(contentsOf: block, at: position())
    case .repeatSlice:
      let start = position()
      let slice = Array(bytes[start..<min(bytes.count, start + Int(random.next() % 256))])
      let copies = Array([[UInt8]](repeating: slice, count: Int(1 + random.next() % 40)).joined())
      bytes.insert(contentsOf: copies, at: position())
    case .insertHostile:
      for _ in 0..<(1 + random.next() % 4) {
        let token = hostile[Int(random.next() % UInt64(hostile.count))]
        bytes.insert(contentsOf: Array(token.utf8), at: position())
      }
    case .randomBytes:
      bytes = (0..<(random.next() % 4096)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }
    return Data(bytes)
  }
}

/// The test process's peak resident memory.
enum PeakMemory {
  /// The whole test process stays under this, every suite running in parallel included.
  static let ceiling = 3072
  static var megabytes: Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024
  }
}
