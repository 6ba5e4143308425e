/// How a table column's cells are aligned, as the source says (`:---:` in Markdown,
/// `align` or `text-align` in HTML); `none` leaves it to the reader (start of line).
public enum TableAlignment: String, Codable, Hashable, Sendable {
  case none, left, center, right
}
