import Foundation

/// Last touches on an extracted article: lazy images get their real source, links and
/// images become absolute URLs, `javascript:` links lose their target, and wrappers
/// that hold a single wrapper are flattened.
enum ContentFinishing {
  static func finish(_ content: HTMLNode, baseURL: URL?) {
    fixLazyImages(content)
    resolveURLs(content, baseURL: baseURL)
    simplifyNesting(content)
  }

  static let imageExtensions = [".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"]

  /// Lazy-loading pages keep the real image in `data-*` attributes and put a tiny
  /// placeholder (or nothing) in `src`.
  static func fixLazyImages(_ content: HTMLNode) {
    for image in content.elements(named: "img") {
      let src = image.attribute("src") ?? ""
      let isPlaceholder =
        src.isEmpty || src.hasPrefix("data:")
        || (image.attribute("class")?.lowercased().contains("lazy") ?? false)
      guard isPlaceholder else { continue }
      for attribute in image.attributes where !["src", "srcset", "alt"].contains(attribute.name) {
        let value = attribute.value.trimmingWhitespace()
        let lower = value.lowercased()
        guard imageExtensions.contains(where: lower.contains) else { continue }
        if value.contains(" ") && value.contains(",") || attribute.name.hasSuffix("srcset") {
          image.setAttribute("srcset", value)
          if image.attribute("src").map({ $0.isEmpty || $0.hasPrefix("data:") }) ?? true,
            let first = value.split(separator: ",").first?.split(separator: " ").first
          {
            image.setAttribute("src", String(first))
          }
        } else if !value.contains(" ") {
          image.setAttribute("src", value)
        }
      }
    }
  }

  static func resolveURLs(_ content: HTMLNode, baseURL: URL?) {
    for link in content.elements(named: "a") {
      guard let href = link.attribute("href") else { continue }
      let trimmed = href.trimmingWhitespace()
      if trimmed.hasLowercasedPrefix("javascript:") {
        link.removeAttribute("href")
      } else if !trimmed.hasPrefix("#") {
        link.setAttribute("href", absolute(trimmed, baseURL: baseURL))
      }
    }
    for media in content.elements(namedAnyOf: ["img", "source", "video", "audio", "iframe"]) {
      if let src = media.attribute("src") {
        media.setAttribute("src", absolute(src, baseURL: baseURL))
      }
      if let srcset = media.attribute("srcset") {
        media.setAttribute("srcset", resolvedSrcset(srcset, baseURL: baseURL))
      }
    }
  }

  /// A `srcset` with each candidate's address made absolute: candidates split at commas,
  /// each at spaces. An ASCII one is split by bytes, which for ASCII are its characters
  /// (`\r\n` aside, which holds neither separator), the same pieces found quicker.
  static func resolvedSrcset(_ srcset: String, baseURL: URL?) -> String {
    let isASCII = srcset.utf8.allSatisfy { $0 < 0x80 }
    func split(_ text: Substring, at separator: Character) -> [Substring] {
      guard isASCII else { return text.split(separator: separator) }
      return text.utf8.split(separator: UInt8(ascii: separator.unicodeScalars.first!))
        .map(Substring.init)
    }
    let resolved = split(srcset[...], at: ",").map { candidate -> String in
      let parts = split(candidate, at: " ")
      guard let url = parts.first else { return String(candidate) }
      return ([absolute(String(url), baseURL: baseURL)] + parts.dropFirst().map(String.init))
        .joined(separator: " ")
    }
    return resolved.joined(separator: ", ")
  }

  static func absolute(_ reference: String, baseURL: URL?) -> String {
    let trimmed = reference.trimmingWhitespace()
    guard let baseURL, !trimmed.hasPrefix("data:"), !PlainAbsoluteURL.isPlain(trimmed) else {
      return trimmed
    }
    let escaped =
      trimmed.addingPercentEncoding(withAllowedCharacters: urlCharacters) ?? trimmed
    return URL(string: escaped, relativeTo: baseURL)?.absoluteString ?? trimmed
  }

  private static let urlCharacters = CharacterSet.urlQueryAllowed.union(["#", "%"])

  /// A `div` or `section` holding only one `div` or `section` is replaced by that child.
  static func simplifyNesting(_ content: HTMLNode) {
    for node in content.elements(namedAnyOf: ["div", "section"]).reversed() {
      guard let parent = node.parent else { continue }
      let elements = node.elementChildren
      if elements.count == 1, ["div", "section"].contains(elements[0].name),
        !node.children.contains(where: { $0.kind == .text && !$0.isWhitespaceText })
      {
        let child = elements[0]
        for attribute in node.attributes where child.attribute(attribute.name) == nil {
          child.setAttribute(attribute.name, attribute.value)
        }
        child.removeFromParent()
        parent.replaceChild(node, with: child)
      }
    }
  }
}
