/// Whether a page element is shown to readers: not `hidden`, not `aria-hidden`, not
/// styled `display:none` or `visibility:hidden`.
enum Visibility {
  static func isProbablyVisible(_ node: HTMLNode) -> Bool {
    if let style = node.attribute("style"), hidesByStyle(style) { return false }
    if node.attribute("hidden") != nil { return false }
    if node.attribute("aria-hidden") == "true" {
      // Wikimedia hides the fallback image of a math formula that readers do see.
      return node.attribute("class")?.contains("fallback-image") ?? false
    }
    return true
  }

  private static let hidingStyles = ["display:none", "visibility:hidden"].map(ByteNeedle.init)

  /// `display:none` or `visibility:hidden` in a style, ignoring case and whitespace.
  static func hidesByStyle(_ style: String) -> Bool {
    var compact: [UInt8] = []
    compact.reserveCapacity(style.utf8.count)
    for byte in style.utf8 where !(byte == 0x20 || (0x09...0x0D).contains(byte)) {
      compact.append(byte)
    }
    return compact.withUnsafeBufferPointer { bytes in
      hidingStyles.contains { $0.occurs(inLowercased: bytes) }
    }
  }
}
