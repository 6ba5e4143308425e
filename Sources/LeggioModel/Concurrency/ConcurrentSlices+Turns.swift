import Dispatch
import Synchronization

extension ConcurrentSlices {
  /// `transform` run `count` times on `workers` threads, each thread taking the next turn
  /// from a shared counter as soon as it is free and keeping one `state` for every turn it
  /// takes. Turn `n` computes the result at index `index(n)` (a permutation of
  /// `0..<count`), and the results come back by index. What the queued and largest-first
  /// maps share: they differ only in the order the turns are taken.
  static func takingTurns<State, Result: Sendable>(
    _ count: Int, workers: Int, index: @Sendable (Int) -> Int,
    state makeState: @Sendable () -> State,
    _ transform: @Sendable (inout State, Int) -> Result
  ) -> [Result] {
    let results = ResultSlots<Result>(count: count)
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      var state = makeState()
      while true {
        let turn = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard turn < count else { break }
        let position = index(turn)
        results.store(transform(&state, position), at: position)
      }
    }
    return results.values
  }
}
