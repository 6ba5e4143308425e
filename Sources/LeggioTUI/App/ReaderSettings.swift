/// How the reader lays out text; from `config.toml` (`text-width`, `justify`).
public struct ReaderSettings: Hashable, Sendable {
  /// The widest text column in cells; wider terminals centre a column this wide.
  public var measure: Int
  public var justify: Bool

  public init(measure: Int = 72, justify: Bool = true) {
    self.measure = measure
    self.justify = justify
  }
}
