import Foundation

/// Text reduced to its letters and digits (Unicode general categories L and N),
/// compatibility-normalised and lower-cased, as UTF-8: comparisons then ignore spacing,
/// punctuation, where tags split words, and how the reader draws a superscript digit
/// (`¹`) or a letter in small capitals.
public struct SqueezedText {
  public let bytes: [UInt8]

  public init(_ text: String) {
    var kept = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.properties.generalCategory {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .decimalNumber, .letterNumber, .otherNumber:
        kept.append(scalar)
      default: break
      }
    }
    bytes = Array(String(kept).precomposedStringWithCompatibilityMapping.lowercased().utf8)
  }

  /// The chunks of `chunks` not found in this text in order, each searched after the
  /// last one found. With `cellsMayWrap`, a chunk not found whole in order still counts
  /// as found if each of its words is somewhere in the text: a table cell wrapped beside
  /// its neighbours shows its words on successive lines with the other cells' words
  /// between them, so its row reads across the columns, not down a cell.
  public func missing(_ chunks: [String], cellsMayWrap: Bool = false) -> [String] {
    var cursor = 0
    var missing: [String] = []
    for chunk in chunks {
      if let found = find(SqueezedText(chunk).bytes, from: cursor) {
        cursor = found
      } else if cellsMayWrap,
        chunk.split(whereSeparator: \.isWhitespace).allSatisfy({
          find(SqueezedText(String($0)).bytes, from: 0) != nil
        })
      {
        continue
      } else {
        missing.append(chunk)
      }
    }
    return missing
  }

  /// The end of the first occurrence of `needle` at or after `start`.
  public func find(_ needle: [UInt8], from start: Int) -> Int? {
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
public enum SpineOracle {
  /// The readable books of `shared/corpus/epub` (all but the file that is not a ZIP),
  /// sorted by path.
  public static var corpusBooks: [URL] {
    let folder = SharedFiles.url("corpus/epub")
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    var found: [URL] = []
    while let url = enumerator?.nextObject() as? URL {
      if url.pathExtension == "epub", url.lastPathComponent != "file-e.epub" { found.append(url) }
    }
    return found.sorted { $0.path < $1.path }
  }

  public static func chunks(of url: URL) throws -> [String] {
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
