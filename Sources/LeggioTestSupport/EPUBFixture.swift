import Foundation
import ZIPFoundation

/// Builds EPUB files in memory for tests and the bench: a `mimetype`, a container, a
/// package document and chapters, each part replaceable so a test can break exactly one
/// thing (a `../` href, a missing NCX, an encrypted chapter, a name that leaves the book).
public struct EPUBFixture {
  /// The entries in archive order: name and bytes.
  public var entries: [(name: String, data: Data)] = []

  public init() {}

  /// A complete small EPUB 3 book of `chapters` (title, XHTML body), with a nav document
  /// and (if `ncx`) an NCX, the package in `OEBPS/`. `extraOPF` goes in the metadata.
  public static func book(
    title: String = "A Test Book", chapters: [(title: String, body: String)],
    nav: Bool = true, ncx: Bool = true, extraMetadata: String = "",
    chapterName: (Int) -> String = { "text/chapter\($0 + 1).xhtml" }
  ) -> EPUBFixture {
    var book = EPUBFixture()
    book.add("mimetype", "application/epub+zip")
    book.add("META-INF/container.xml", container(path: "OEBPS/content.opf"))
    var manifest = ""
    var spine = ""
    for (index, _) in chapters.enumerated() {
      manifest +=
        "<item id=\"c\(index + 1)\" href=\"\(chapterName(index))\" media-type=\"application/xhtml+xml\"/>\n"
      spine += "<itemref idref=\"c\(index + 1)\"/>\n"
    }
    if nav {
      manifest +=
        "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n"
    }
    if ncx {
      manifest += "<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n"
    }
    book.add(
      "OEBPS/content.opf",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
      <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
      <dc:identifier id="id">urn:uuid:0b3c1f6e-0000-4000-8000-000000000001</dc:identifier>
      <dc:title>\(title)</dc:title><dc:creator>Ada Tester</dc:creator><dc:language>en</dc:language>
      \(extraMetadata)
      </metadata>
      <manifest>
      \(manifest)</manifest>
      <spine\(ncx ? " toc=\"ncx\"" : "")>
      \(spine)</spine>
      </package>
      """)
    for (index, chapter) in chapters.enumerated() {
      book.add("OEBPS/" + chapterName(index), xhtml(title: chapter.title, body: chapter.body))
    }
    if nav {
      let items = chapters.enumerated().map {
        "<li><a href=\"\(chapterName($0.offset))\">\($0.element.title)</a></li>"
      }.joined(separator: "\n")
      book.add(
        "OEBPS/nav.xhtml",
        xhtml(
          title: "Contents",
          body: "<nav epub:type=\"toc\" id=\"toc\"><h1>Contents</h1><ol>\(items)</ol></nav>"))
    }
    if ncx {
      let points = chapters.enumerated().map {
        """
        <navPoint id="p\($0.offset + 1)" playOrder="\($0.offset + 1)"><navLabel><text>\($0.element.title)</text></navLabel><content src="\(chapterName($0.offset))"/></navPoint>
        """
      }.joined(separator: "\n")
      book.add(
        "OEBPS/toc.ncx",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
        <head/><docTitle><text>\(title)</text></docTitle><navMap>
        \(points)
        </navMap></ncx>
        """)
    }
    return book
  }

  public static func container(path: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
    <rootfiles><rootfile full-path="\(path)" media-type="application/oebps-package+xml"/></rootfiles>
    </container>
    """
  }

  public static func xhtml(title: String, body: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE html>
    <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
    <head><title>\(title)</title></head>
    <body>
    \(body)
    </body>
    </html>
    """
  }

  public mutating func add(_ name: String, _ text: String) {
    add(name, Data(text.utf8))
  }

  public mutating func add(_ name: String, _ data: Data) {
    entries.removeAll { $0.name == name }
    entries.append((name, data))
  }

  public mutating func remove(_ name: String) {
    entries.removeAll { $0.name == name }
  }

  /// Changes the text of entry `name`.
  public mutating func edit(_ name: String, _ change: (String) -> String) {
    guard let index = entries.firstIndex(where: { $0.name == name }) else { return }
    entries[index].data = Data(change(String(decoding: entries[index].data, as: UTF8.self)).utf8)
  }

  /// The book as ZIP bytes; `mimetype` stored, the rest deflated.
  public func zipData() throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (name, data) in entries {
      try archive.addEntry(
        with: name, type: .file, uncompressedSize: Int64(data.count),
        compressionMethod: name == "mimetype" ? .none : .deflate
      ) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    return archive.data ?? Data()
  }

  /// Writes the book to `url`.
  public func write(to url: URL) throws {
    try zipData().write(to: url)
  }

  /// `zip` with every entry's declared uncompressed size (local and central headers)
  /// set to `size`: an archive that lies about how far it expands.
  public static func understatingSizes(_ zip: Data, as size: UInt32) -> Data {
    var bytes = [UInt8](zip)
    func put(_ value: UInt32, at offset: Int) {
      for index in 0..<4 { bytes[offset + index] = UInt8((value >> (8 * index)) & 0xFF) }
    }
    var index = 0
    while index + 30 < bytes.count {
      if bytes[index] == 0x50, bytes[index + 1] == 0x4B {
        if bytes[index + 2] == 0x03, bytes[index + 3] == 0x04 {
          put(size, at: index + 22)
        } else if bytes[index + 2] == 0x01, bytes[index + 3] == 0x02 {
          put(size, at: index + 24)
        }
      }
      index += 1
    }
    return Data(bytes)
  }
}
