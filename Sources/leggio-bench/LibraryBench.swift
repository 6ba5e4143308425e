/// PLACEHOLDER: filled by the issue that owns these figures.
enum LibraryBench {
  static func run() {}
}
