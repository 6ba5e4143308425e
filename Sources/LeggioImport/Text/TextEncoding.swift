/// The character encodings Leggio reads text files in.
public enum TextEncoding: String, Sendable, CaseIterable {
  case utf8 = "UTF-8"
  case utf16LittleEndian = "UTF-16LE"
  case utf16BigEndian = "UTF-16BE"
  /// Windows-1252, a superset of Latin-1's printable characters: the fallback for
  /// bytes that are not valid UTF-8 (older Italian and English texts often are).
  case windows1252 = "windows-1252"
}
