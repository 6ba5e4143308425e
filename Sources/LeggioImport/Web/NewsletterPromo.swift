/// A newsletter's call to sign up set as a paragraph ("Sign up for the free daily
/// newsletter.", "Jetzt den Newsletter abonnieren"): furniture when it opens or closes the
/// article, in the languages of the pages Leggio reads.
enum NewsletterPromo {
  static let calls = [
    "sign up", "signup", "subscribe", "abonn", "anmelden", "inscri", "iscriv", "suscrib",
    "suscríb", "zapisz", "zamów",
  ]

  private static let newsletterNeedle = ByteNeedle("newsletter")

  /// Whether a short `text` names a newsletter and asks the reader to sign up for it.
  static func invites(_ text: String) -> Bool {
    guard text.utf8.count <= 500 else { return false }
    // Most lines name no newsletter: an ASCII search in any case says so before the
    // text is lower-cased (no other character lower-cases to these letters).
    var bytes = text
    guard bytes.withUTF8({ newsletterNeedle.occurs(inLowercased: $0) }) else { return false }
    let lower = text.lowercased()
    return lower.contains("newsletter") && calls.contains { lower.contains($0) }
  }
}
