import Dispatch
import Foundation

extension ConcurrentSlices {
  /// As `map`, but the slices are cut so that each holds about the same total `weight`
  /// rather than the same number of elements: a book's blocks range from a line of verse
  /// to a page-long paragraph, and slices of equal count left one core with the long
  /// ones at the end while the other waited.
  public static func map<Element: Sendable, Result: Sendable>(
    _ elements: [Element], minimumWeight: Int, weight: (Element) -> Int,
    _ transform: @Sendable (ArraySlice<Element>) -> Result
  ) -> [Result] {
    let weights = elements.map { max(0, weight($0)) }
    let total = weights.reduce(0, +)
    let cores = coreCount
    let count = max(1, min(cores * 4, elements.count, total / max(1, minimumWeight)))
    guard cores > 1, count > 1 else { return [transform(elements[...])] }
    // Slice k ends at the first element where the running weight reaches k/count of the
    // total; empty slices are dropped.
    var cuts = [0]
    var running = 0
    var next = 1
    for (index, value) in weights.enumerated() {
      running += value
      while next < count && running * count >= total * next {
        if index + 1 > cuts[cuts.count - 1] { cuts.append(index + 1) }
        next += 1
      }
    }
    if cuts[cuts.count - 1] < elements.count { cuts.append(elements.count) }
    let bounds = cuts
    let slices = bounds.count - 1
    guard slices > 1 else { return [transform(elements[...])] }
    let results = ResultSlots<Result>(count: slices)
    DispatchQueue.concurrentPerform(iterations: slices) { index in
      results.store(transform(elements[bounds[index]..<bounds[index + 1]]), at: index)
    }
    return results.values
  }
}
