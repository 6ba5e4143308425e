extension ConcurrentSlices {
  /// `transform` of each element, the heaviest first, on one worker per core, each worker
  /// taking the next element as soon as it is free; the results come back in the
  /// elements' order. For a few hundred pieces of very different sizes (a book's
  /// chapters, from a title page to a long chapter): contiguous slices of equal count
  /// left one core with a run of long chapters while the other waited, and the longest
  /// piece taken last would leave one core alone at the end.
  ///
  /// Each worker makes its own `state` once (a reader of an archive, say) and passes it
  /// to every `transform` it runs. With one core, or fewer than `minimumCount`
  /// elements, everything runs on the calling thread.
  public static func map<Element: Sendable, State, Result: Sendable>(
    largestFirst elements: [Element], minimumCount: Int = 2, weight: (Element) -> Int,
    state makeState: @Sendable () -> State,
    _ transform: @Sendable (inout State, Element) -> Result
  ) -> [Result] {
    let workers = min(coreCount, elements.count)
    guard workers > 1, elements.count >= minimumCount else {
      var state = makeState()
      return elements.map { transform(&state, $0) }
    }
    let weights = elements.map(weight)
    let order = elements.indices.sorted { weights[$0] > weights[$1] }
    return takingTurns(
      elements.count, workers: workers, index: { order[$0] }, state: makeState
    ) { transform(&$0, elements[$1]) }
  }
}
