import Synchronization
import Testing

@testable import LeggioModel

/// `ConcurrentSlices.map(largestFirst:)` runs every element once, the heaviest first, and
/// gives the results back in the elements' order; each worker makes its state once.
@Suite struct ConcurrentSlicesLargestFirstTests {
  @Test func everyElementIsTransformedOnceAndTheResultsComeBackInOrder() {
    let elements = (0..<500).map { ($0 * 7919) % 1000 }
    let runs = Mutex<[Int: Int]>([:])
    let results = ConcurrentSlices.map(
      largestFirst: elements, weight: { $0 }, state: { 0 }
    ) { count, element in
      count += 1
      runs.withLock { $0[element, default: 0] += 1 }
      return "element \(element)"
    }
    #expect(results == elements.map { "element \($0)" })
    #expect(runs.withLock { $0 } == Dictionary(elements.map { ($0, 1) }, uniquingKeysWith: +))
  }

  @Test func eachWorkerMakesItsStateOnceAndKeepsIt() {
    let made = Atomic<Int>(0)
    let results = ConcurrentSlices.map(
      largestFirst: Array(0..<200), weight: { $0 % 13 },
      state: { () -> [Int] in
        made.wrappingAdd(1, ordering: .relaxed)
        return []
      }
    ) { seen, element in
      seen.append(element)
      // A worker's elements so far are all its own: the state is never shared or reset.
      return seen.count
    }
    let workers = made.load(ordering: .relaxed)
    #expect(workers >= 1 && workers <= max(1, ConcurrentSlices.coreCount))
    // Each worker that took any element counts them 1, 2, 3, ... (a worker may find none
    // left): as many 1s as workers that took one, and no count without the one before it.
    let starts = results.filter { $0 == 1 }.count
    #expect(starts >= 1 && starts <= workers)
    let tally = Dictionary(results.map { ($0, 1) }, uniquingKeysWith: +)
    #expect(tally.keys.allSatisfy { $0 == 1 || tally[$0]! <= tally[$0 - 1] ?? 0 })
    #expect(results.count == 200)
  }

  @Test func fewerElementsThanTheMinimumAreTransformedOnTheCallingThread() {
    // One element is below `minimumCount`: it runs here.
    let order = Mutex<[Int]>([])
    let results = ConcurrentSlices.map(
      largestFirst: [4], minimumCount: 2, weight: { $0 }, state: { () }
    ) { _, element in
      order.withLock { $0.append(element) }
      return element * 2
    }
    #expect(results == [8])
    #expect(order.withLock { $0 } == [4])
  }
}
