extension StringProtocol {
  /// Whether `lowercased().hasPrefix(prefix)`, for a `prefix` of lower-case ASCII letters
  /// and punctuation (`data:`, `javascript:`), without lower-casing the whole text: a
  /// picture's `data:` URI may run to megabytes. Read from the first bytes when they and
  /// the one after them are ASCII (no other character lower-cases to an ASCII letter of
  /// these, and an ASCII byte after them starts a character of its own); else as written.
  func hasLowercasedPrefix(_ prefix: String) -> Bool {
    let wanted = prefix.utf8.count
    let head = utf8.prefix(wanted + 1)
    guard head.allSatisfy({ $0 < 0x80 }) else { return lowercased().hasPrefix(prefix) }
    return head.count >= wanted
      && zip(head, prefix.utf8).allSatisfy { RawTextCut.lowercased($0) == $1 }
  }
}
