import Foundation

/// The key that makes two imports "the same article": a normalised URL, or an absolute
/// file path. Sources without one are identified by their content hash instead.
enum SourceIdentity {
  /// The identity key of `source`, nil when there is no usable source.
  static func key(for source: String?) -> String? {
    guard let source else { return nil }
    return plainWebKey(source) ?? parsedKey(for: source)
  }

  /// The key through `URLComponents`, for every kind of source.
  static func parsedKey(for source: String) -> String? {
    let source = source.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !source.isEmpty
    else { return nil }
    if source.hasPrefix("/") {
      return "file:" + URL(fileURLWithPath: source).standardizedFileURL.path
    }
    guard var components = URLComponents(string: source), let scheme = components.scheme,
      components.host != nil
    else {
      return source.hasPrefix("file:") ? "file:" + (URL(string: source)?.path ?? source) : nil
    }
    if scheme.lowercased() == "file" { return "file:" + components.path }
    components.scheme = scheme.lowercased()
    components.host = components.host?.lowercased()
    if (components.scheme == "http" && components.port == 80)
      || (components.scheme == "https" && components.port == 443)
    {
      components.port = nil
    }
    components.fragment = nil
    if components.path.isEmpty { components.path = "/" }
    let kept = (components.queryItems ?? []).filter { !Self.isTrackingParameter($0.name) }
    components.queryItems = kept.isEmpty ? nil : kept
    // http and https name the same article.
    components.scheme = "https"
    return components.string
  }

  /// The key of the commonest source, `http(s)://host/path` in plain ASCII with no port,
  /// user, query or fragment, made without parsing: what `URLComponents` would give
  /// (https, the host lowercased, an empty path made `/`). Nil for anything else.
  static func plainWebKey(_ source: String) -> String? {
    let utf8 = source.utf8
    let afterScheme: String.UTF8View.Index
    if utf8.starts(with: "https://".utf8) {
      afterScheme = utf8.index(utf8.startIndex, offsetBy: 8)
    } else if utf8.starts(with: "http://".utf8) {
      afterScheme = utf8.index(utf8.startIndex, offsetBy: 7)
    } else {
      return nil
    }
    let pathStart = utf8[afterScheme...].firstIndex(of: UInt8(ascii: "/")) ?? utf8.endIndex
    let host = utf8[afterScheme..<pathStart]
    guard !host.isEmpty, host.allSatisfy(isHostByte),
      utf8[pathStart...].allSatisfy(isPlainPathByte)
    else { return nil }
    let path = pathStart == utf8.endIndex ? "/" : String(source[pathStart...])
    return "https://" + String(source[afterScheme..<pathStart]).lowercased() + path
  }

  /// Letters, digits, `-` and `.`: a host name with no port, user or IPv6 brackets.
  private static func isHostByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
      true
    default: false
    }
  }

  /// The characters a path may hold as they are, less `%` (whose escapes URLComponents
  /// checks), `?` and `#`.
  private static func isPlainPathByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      true
    default: "-._~!$&'()*+,;=:@/".utf8.contains(byte)
    }
  }

  /// `utm_*`, `fbclid`, `gclid` and friends: they say how a link was shared, not what it is.
  private static func isTrackingParameter(_ name: String) -> Bool {
    let lowered = name.lowercased()
    return lowered.hasPrefix("utm_")
      || ["fbclid", "gclid", "mc_cid", "mc_eid", "igshid", "ref_src"].contains(lowered)
  }
}
