import LeggioModel

/// What happens to a long text's working memory (its lines, its chunks of lines) once
/// its blocks are built: freed on every core, or, in a process that exits right after
/// the import (`ImportOptions.endsWithProcess`), left for the process's end. Freeing a
/// book's 90,000 lines and 11,000 chunks took about 2 ms of `leggio show`'s import on two
/// cores, with the layout waiting.
enum WorkingMemory {
  case freed
  case leftForExit

  init(endsWithProcess: Bool) {
    self = endsWithProcess ? .leftForExit : .freed
  }

  /// Empties `lines`, freeing them (they hold nothing to release) or leaving them
  /// allocated.
  func release(_ lines: inout [TextLine]) {
    switch self {
    case .freed: lines = []
    case .leftForExit: Self.abandon(&lines)
    }
  }

  /// Empties `chunks` (slices of a few arrays of lines), freeing them or leaving them
  /// allocated.
  func release(_ chunks: inout [ArraySlice<TextLine>]) {
    switch self {
    case .freed: chunks = []
    case .leftForExit: Self.abandon(&chunks)
    }
  }

  /// Moves `value`'s contents into a cell that is never freed, so that nothing they hold
  /// is released.
  private static func abandon<Value: RangeReplaceableCollection>(_ value: inout Value) {
    let cell = UnsafeMutablePointer<Value>.allocate(capacity: 1)
    cell.initialize(to: Value())
    swap(&cell.pointee, &value)
  }
}
