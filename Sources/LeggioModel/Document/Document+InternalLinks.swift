extension Document {
  /// Removes block `index` and keeps every `InternalLink` on the block it meant: links
  /// to later blocks move up by one, links to the removed block go to the one after it.
  public mutating func removeBlockKeepingLinks(at index: Int) {
    blocks.remove(at: index)
    for block in blocks.indices {
      for run in blocks[block].inlines.indices {
        guard let link = blocks[block].inlines[run].link, let target = InternalLink(link),
          target.block > index
        else { continue }
        let moved: InternalLink =
          switch target {
          case .block(let at): .block(at - 1)
          case .note(let at): .note(at - 1)
          }
        blocks[block].inlines[run].link = moved.target
      }
    }
  }
}
