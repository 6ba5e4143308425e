/// Whether a page element is shown to readers: not `hidden`, not `aria-hidden`, not
/// styled `display:none` or `visibility:hidden`.
enum Visibility {
  static func isProbablyVisible(_ node: HTMLNode) -> Bool {
    if let style = node.attribute("style") {
      let compact = style.lowercased().filter { !$0.isWhitespace }
      if compact.contains("display:none") || compact.contains("visibility:hidden") {
        return false
      }
    }
    if node.attribute("hidden") != nil { return false }
    if node.attribute("aria-hidden") == "true" {
      // Wikimedia hides the fallback image of a math formula that readers do see.
      return node.attribute("class")?.contains("fallback-image") ?? false
    }
    return true
  }
}
