/// PLACEHOLDER: filled by the issue that owns these figures.
enum TUIBench {
  static func run() {}
}
