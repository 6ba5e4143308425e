/// Keeps text from outside (titles, bylines, URLs, tags) from reaching the terminal as
/// control characters or escape sequences: a security boundary, like the layout's.
public enum TextSanitizer {
  /// What a control character becomes.
  public static let replacement: Character = "\u{FFFD}"

  /// One line of `text`: line breaks and tabs become spaces, runs of spaces collapse,
  /// and every other control or bidi override becomes `replacement`.
  public static func line(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var lastWasSpace = false
    for character in text {
      if character.isNewline || character == "\t" {
        if !lastWasSpace { result.append(" ") }
        lastWasSpace = true
        continue
      }
      if isUnsafe(character) {
        result.append(replacement)
      } else {
        result.append(character)
      }
      lastWasSpace = character == " "
    }
    return result.trimmingSpaces
  }

  /// Whether `character` holds a scalar that must not reach the terminal.
  public static func isUnsafe(_ character: Character) -> Bool {
    character.unicodeScalars.contains(where: isUnsafe)
  }

  /// C0, DEL, C1 and the bidi embedding, override and isolate controls.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}

extension String {
  var trimmingSpaces: String {
    var slice = Substring(self)
    while slice.first == " " { slice.removeFirst() }
    while slice.last == " " { slice.removeLast() }
    return String(slice)
  }
}
