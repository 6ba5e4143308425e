extension Array where Element == Int {
  /// In ascending block starts, the index of the block holding `offset`: the last start
  /// not above it (0 when every start is above it). A separator belongs to the block
  /// after it. Binary search; the array must not be empty.
  public func indexOfBlock(containing offset: Int) -> Int {
    var low = 0
    var high = count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if self[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }
}
