import Foundation

/// The key that makes two imports "the same article": a normalised URL, or an absolute
/// file path. Sources without one are identified by their content hash instead.
enum SourceIdentity {
  /// The identity key of `source`, nil when there is no usable source.
  static func key(for source: String?) -> String? {
    guard let source = source?.trimmingCharacters(in: .whitespacesAndNewlines),
      !source.isEmpty
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

  /// `utm_*`, `fbclid`, `gclid` and friends: they say how a link was shared, not what it is.
  private static func isTrackingParameter(_ name: String) -> Bool {
    let lowered = name.lowercased()
    return lowered.hasPrefix("utm_")
      || ["fbclid", "gclid", "mc_cid", "mc_eid", "igshid", "ref_src"].contains(lowered)
  }
}
