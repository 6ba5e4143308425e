/// A newsletter's call to sign up set as a paragraph ("Sign up for the free daily
/// newsletter.", "Jetzt den Newsletter abonnieren"): furniture when it opens or closes the
/// article, in the languages of the pages Leggio reads.
enum NewsletterPromo {
  static let calls = [
    "sign up", "signup", "subscribe", "abonn", "anmelden", "inscri", "iscriv", "suscrib",
    "suscríb", "zapisz", "zamów",
  ]

  /// Whether a short `text` names a newsletter and asks the reader to sign up for it.
  static func invites(_ text: String) -> Bool {
    guard text.utf8.count <= 500 else { return false }
    let lower = text.lowercased()
    return lower.contains("newsletter") && calls.contains { lower.contains($0) }
  }
}
