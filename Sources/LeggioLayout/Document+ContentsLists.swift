import LeggioModel

extension Document {
  /// Whether block `index` is an entry of a contents list after the first: a short
  /// heading after a short heading, in a run of three or more. Such entries are set one
  /// under the other, without blank lines, and fill their pages (War and Peace's contents
  /// took one page per entry).
  func isContentsEntry(_ index: Int) -> Bool {
    guard index > 0, index < blocks.count, isShortHeading(index), isShortHeading(index - 1)
    else { return false }
    return (index >= 2 && isShortHeading(index - 2))
      || (index + 1 < blocks.count && isShortHeading(index + 1))
  }

  private func isShortHeading(_ index: Int) -> Bool {
    guard case .heading = blocks[index].kind else { return false }
    return blocks[index].inlines.reduce(0) { $0 + $1.text.unicodeScalars.count } <= 80
  }
}
