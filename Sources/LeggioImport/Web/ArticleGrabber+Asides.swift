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

  /// A block whose class or id has `subscribe` or `newsletter` as a whole word.
  static func isSignUpBox(_ node: HTMLNode) -> Bool {
    for name in ["id", "class"] {
      guard let value = node.attribute(name), value.utf8.count >= 6 else { continue }
      let words = value.lowercased().split { !$0.isLetter }
      if words.contains(where: signUpWords.contains) { return true }
    }
    return false
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
