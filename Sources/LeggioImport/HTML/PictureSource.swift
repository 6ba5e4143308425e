import Foundation

/// Which address of an `<img>` to keep: the best `srcset` candidate for the reading width
/// (its own, or a `<picture>`'s `<source>` of a type Leggio decodes), else a lazy-loading
/// attribute (`data-src`…), else `src`. Placeholders (`data:` URIs) never win.
enum PictureSource {
  /// The width in pixels a picture is wanted at: a full reading column in a terminal
  /// that shows pixels (about 80 cells of 12 to 15 pixels).
  static let wantedWidth = 1200

  static let lazyAttributes = [
    "data-src", "data-lazy-src", "data-original", "data-hi-res-src", "data-url",
  ]
  static let srcsetAttributes = ["srcset", "data-srcset", "data-lazy-srcset"]
  static let decodedTypes: Set<String> = ["image/jpeg", "image/png", "image/gif", "image/webp"]

  /// The address to keep for `image`, resolved against `baseURL`; nil when it has none.
  static func best(_ image: HTMLNode, baseURL: URL?) -> String? {
    var candidates: [Candidate] = []
    if let picture = enclosingPicture(image) {
      let source = picture.elements(named: "source").first { child in
        let type = child.attribute("type")?.lowercased().trimmingWhitespace()
        return type.map(decodedTypes.contains) ?? true
      }
      if let source { candidates += srcsetAttributes.flatMap { parse(source.attribute($0)) } }
    }
    candidates += srcsetAttributes.flatMap { parse(image.attribute($0)) }
    let chosen =
      choose(candidates)
      ?? lazyAttributes.lazy.compactMap { usable(image.attribute($0)) }.first
      ?? usable(image.attribute("src"))
    return chosen.flatMap { HTMLDocumentConverter.resolve($0, baseURL: baseURL) }
  }

  /// The `<picture>` around `image`. libxml2's HTML parser does not know `<source>` is
  /// empty, so the `<img>` may sit inside the last `<source>` rather than beside it.
  private static func enclosingPicture(_ image: HTMLNode) -> HTMLNode? {
    var node = image.parent
    while let current = node, current.name == "source" { node = current.parent }
    return node?.name == "picture" ? node : nil
  }

  /// One entry of a `srcset`: an address with its width (`800w`) or density (`2x`).
  struct Candidate: Equatable {
    var url: String
    var width: Int?
    var density: Double?
  }

  /// The candidate at `address` with its `descriptor`'s width (`640w`) or density (`2x`).
  private static func candidate(_ address: String, descriptor: some StringProtocol) -> Candidate {
    var candidate = Candidate(url: address)
    for token in descriptor.split(whereSeparator: \.isWhitespace) {
      if token.hasSuffix("w") { candidate.width = Int(token.dropLast()) }
      if token.hasSuffix("x") { candidate.density = Double(token.dropLast()) }
    }
    return candidate
  }

  /// The entries of a `srcset` attribute (commas inside an address are kept when no
  /// space follows them, as the HTML standard reads them).
  static func parse(_ srcset: String?) -> [Candidate] {
    guard var srcset else { return [] }
    return srcset.withUTF8(parseASCII) ?? parseByCharacters(srcset)
  }

  /// `parse`, character by character: the rule as written, for any text.
  static func parseByCharacters(_ srcset: String) -> [Candidate] {
    var result: [Candidate] = []
    var scanner = Substring(srcset)
    while true {
      scanner = scanner.drop { $0.isWhitespace || $0 == "," }
      guard !scanner.isEmpty else { break }
      var url = scanner.prefix { !$0.isWhitespace }
      scanner = scanner.dropFirst(url.count)
      var descriptor = Substring("")
      if url.hasSuffix(",") {
        url = url.dropLast()
      } else {
        descriptor = scanner.prefix { $0 != "," }
        scanner = scanner.dropFirst(descriptor.count)
      }
      guard let address = usable(String(url)) else { continue }
      result.append(candidate(address, descriptor: descriptor))
    }
    return result
  }

  /// `parse` of an ASCII `srcset`, read a byte at a time (each byte is a character,
  /// `\r\n` aside, which is white space either way); nil for any other text, which
  /// `parse` reads character by character. Long `srcset`s (a dozen addresses, each a
  /// hundred bytes) are common, and walking them by `Character` cost more than the rest
  /// of the picture's handling.
  private static func parseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [Candidate]? {
    guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
    @inline(__always) func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
    let comma = UInt8(ascii: ",")
    var result: [Candidate] = []
    var index = 0
    while true {
      while index < bytes.count && (isSpace(bytes[index]) || bytes[index] == comma) {
        index += 1
      }
      guard index < bytes.count else { break }
      let urlStart = index
      while index < bytes.count && !isSpace(bytes[index]) { index += 1 }
      var urlEnd = index
      var descriptor = ""
      if bytes[urlEnd - 1] == comma {
        urlEnd -= 1
      } else {
        let descriptorStart = index
        while index < bytes.count && bytes[index] != comma { index += 1 }
        descriptor = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[descriptorStart..<index]), as: UTF8.self)
      }
      let url = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[urlStart..<urlEnd]), as: UTF8.self)
      guard let address = usable(url) else { continue }
      result.append(candidate(address, descriptor: descriptor))
    }
    return result
  }

  /// The narrowest candidate at least `wantedWidth` wide, else the widest; with densities
  /// only, the highest up to 2x.
  static func choose(_ candidates: [Candidate]) -> String? {
    guard !candidates.isEmpty else { return nil }
    let widths = candidates.filter { $0.width != nil }
    if !widths.isEmpty {
      let wide = widths.filter { $0.width! >= wantedWidth }.min { $0.width! < $1.width! }
      return (wide ?? widths.max { $0.width! < $1.width! })?.url
    }
    let density = { (candidate: Candidate) in candidate.density ?? 1 }
    let upToTwo = candidates.filter { density($0) <= 2 }
    return
      (upToTwo.max { density($0) < density($1) } ?? candidates.min { density($0) < density($1) })?
      .url
  }

  private static func usable(_ value: String?) -> String? {
    guard let value = value?.trimmingWhitespace(), !value.isEmpty, !isDataURI(value) else {
      return nil
    }
    return value
  }

  /// Whether the address starts with `data:` in any case.
  static func isDataURI(_ value: String) -> Bool { value.hasLowercasedPrefix("data:") }
}
