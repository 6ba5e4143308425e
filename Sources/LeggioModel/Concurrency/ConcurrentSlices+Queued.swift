extension ConcurrentSlices {
  /// `transform` of `elements` cut into consecutive slices of `sliceLength` (the last
  /// shorter), one worker per core taking the next slice from a shared counter as soon as
  /// it is free; the results come back in the slices' order. Many small slices balance the
  /// cores without measuring the elements first: a book's blocks range from a line of
  /// verse to a page-long paragraph that costs a hundred times more, and weighing each
  /// block to cut a few even slices was 2 ms on one thread before any worker started.
  ///
  /// Each worker makes its own `state` once (a hyphenator and reusable buffers, say) and
  /// passes it to every slice it takes. With one slice or one core, every slice runs on
  /// the calling thread, in order, with one state.
  public static func map<Element: Sendable, State, Result: Sendable>(
    queuedSlicesOf elements: [Element], sliceLength: Int, state makeState: @Sendable () -> State,
    _ transform: @Sendable (inout State, ArraySlice<Element>) -> Result
  ) -> [Result] {
    let length = max(1, sliceLength)
    let count = (elements.count + length - 1) / length
    @Sendable func slice(_ index: Int) -> ArraySlice<Element> {
      elements[index * length..<min(elements.count, (index + 1) * length)]
    }
    let workers = min(coreCount, count)
    guard workers > 1 else {
      var state = makeState()
      return (0..<count).map { transform(&state, slice($0)) }
    }
    return takingTurns(count, workers: workers, index: { $0 }, state: makeState) {
      transform(&$0, slice($1))
    }
  }
}
