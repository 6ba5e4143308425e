import LeggioModel

extension Document {
  /// Whether block `index` follows the block before it without a blank line: both sit in
  /// items of tight lists that belong to one outermost list (sibling items, or an item and
  /// the list nested in it). Documents that do not record their containers keep the
  /// blank line between all blocks.
  func joinsPrevious(_ index: Int) -> Bool {
    if isContentsEntry(index) { return true }
    guard index > 0, index < blocks.count, let current = blocks[index].containers,
      let previous = blocks[index - 1].containers,
      let currentList = current.last(where: { $0.list != nil })?.list,
      let previousList = previous.last(where: { $0.list != nil })?.list,
      !currentList.isLoose, !previousList.isLoose
    else { return false }
    return current.first(where: { $0.list != nil })?.list?.id
      == previous.first(where: { $0.list != nil })?.list?.id
  }
}
