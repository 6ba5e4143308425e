/// Keeps text from outside from carrying terminal control: C0 controls except tab and
/// newline, DEL, C1 controls, and bidi embeddings, overrides and isolates.
public enum ControlCharacters {
  public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: false
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// `text` without forbidden scalars; a carriage return becomes a newline unless one follows.
  public static func strip(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isForbidden) else { return text }
    var result = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      if scalar == "\r" {
        if index + 1 < scalars.count, scalars[index + 1] == "\n" { continue }
        result.append("\n")
      } else if !isForbidden(scalar) {
        result.append(scalar)
      }
    }
    return String(result)
  }
}
