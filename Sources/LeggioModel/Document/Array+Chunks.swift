extension Array {
  /// The array cut into consecutive pieces of `size` elements (the last may be shorter).
  package func chunks(of size: Int) -> [ArraySlice<Element>] {
    stride(from: 0, to: count, by: Swift.max(1, size)).map {
      self[$0..<Swift.min($0 + Swift.max(1, size), count)]
    }
  }
}
