/// PLACEHOLDER: filled by the issue that owns these figures.
enum WebBench {
  static func run() {}
}
