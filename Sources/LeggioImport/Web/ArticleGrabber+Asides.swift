import Foundation

/// Class and id cues for blocks beside the article, read while choosing it: an author bio
/// or a sign-up box scores as a negative class (a long bio otherwise outscores a product
/// roundup's short texts), a block named plainly `subscribe` or `newsletter` is a sign-up,
/// and a block named as a menu that holds long, link-poor prose (a product page's tabs of
/// description and details) is not a menu.
extension ArticleGrabber {
  /// Whether a lower-cased class or id names an author bio, a sign-up or a disclosure.
  static func namesBox(_ value: String) -> Bool {
    var value = value
    return value.withUTF8 { boxNeedles.occurs(inLowercased: $0) }
  }

  private static let signUpWords: Set<Substring> = ["subscribe", "newsletter", "signup"]
  private static let signUpWordBytes = signUpWords.map { Array($0.utf8) }

  /// A block whose class or id has `subscribe` or `newsletter` as a whole word.
  static func isSignUpBox(_ node: HTMLNode) -> Bool {
    for name in ["id", "class"] {
      guard var value = node.attribute(name), value.utf8.count >= 6 else { continue }
      // ASCII (nearly every class and id): the words are the runs of ASCII letters.
      if let found = value.withUTF8({ hasSignUpWord(asciiBytes: $0) }) {
        if found { return true }
        continue
      }
      let words = value.lowercased().split { !$0.isLetter }
      if words.contains(where: signUpWords.contains) { return true }
    }
    return false
  }

  /// Whether a run of ASCII letters in `bytes`, lower-cased, is a sign-up word; nil when
  /// a byte is not ASCII (then words are split by Unicode's letters).
  private static func hasSignUpWord(asciiBytes bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    var found = false
    var start = 0
    for index in 0...bytes.count {
      let byte = index < bytes.count ? bytes[index] : 0
      if byte >= 0x80 { return nil }
      let lower = byte | 0x20
      if lower >= 0x61 && lower <= 0x7A { continue }
      let length = index - start
      if !found && length > 0 {
        found = signUpWordBytes.contains { word in
          word.count == length && (0..<length).allSatisfy { bytes[start + $0] | 0x20 == word[$0] }
        }
      }
      start = index + 1
    }
    return found
  }

  static let menuNeedles = NeedleSet(["menu"])
  private static let unlikelyBesideMenu = NeedleSet(
    ReadabilityPatterns.unlikelyCandidates.filter { $0 != "menu" })

  /// Readability strips blocks whose class says `menu`; one that holds a thousand
  /// characters or more at under a fifth in links is a tabbed body, not navigation.
  func isProseUnderMenuName(_ node: HTMLNode) -> Bool {
    ReadabilityPatterns.classOrIDMatches(node, Self.menuNeedles)
      && !ReadabilityPatterns.classOrIDMatches(node, Self.unlikelyBesideMenu)
      && node.innerTextLength >= 1000 && linkDensity(node) < 0.2
  }
}
