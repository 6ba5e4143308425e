import Synchronization
import Testing

@testable import LeggioModel

/// `ConcurrentSlices.map(queuedSlicesOf:)` cuts the elements into consecutive slices of
/// the given length, runs each slice once, gives the results back in the slices' order,
/// and lets each worker make its state once.
@Suite struct ConcurrentSlicesQueuedTests {
  @Test func theSlicesAreConsecutiveOfTheGivenLengthAndComeBackInOrder() {
    let elements = Array(0..<1_000)
    let slices = ConcurrentSlices.map(queuedSlicesOf: elements, sliceLength: 64, state: { () }) {
      _, slice in Array(slice)
    }
    #expect(slices.count == 16)
    #expect(slices.flatMap { $0 } == elements)
    #expect(slices.dropLast().allSatisfy { $0.count == 64 })
    #expect(slices.last?.count == 1_000 - 15 * 64)
  }

  @Test func everySliceRunsExactlyOnce() {
    let runs = Mutex<[Int: Int]>([:])
    _ = ConcurrentSlices.map(queuedSlicesOf: Array(0..<500), sliceLength: 7, state: { () }) {
      _, slice in
      runs.withLock { $0[slice.startIndex, default: 0] += 1 }
      return slice.count
    }
    let starts = stride(from: 0, to: 500, by: 7).map { ($0, 1) }
    #expect(runs.withLock { $0 } == Dictionary(starts, uniquingKeysWith: +))
  }

  @Test func eachWorkerMakesItsStateOnceAndKeepsItAcrossSlices() {
    let made = Atomic<Int>(0)
    let counts = ConcurrentSlices.map(
      queuedSlicesOf: Array(0..<2_000), sliceLength: 10,
      state: { () -> Int in
        made.wrappingAdd(1, ordering: .relaxed)
        return 0
      }
    ) { taken, _ in
      taken += 1
      return taken
    }
    let workers = made.load(ordering: .relaxed)
    #expect(workers >= 1 && workers <= max(1, ConcurrentSlices.coreCount))
    // Each worker counts the slices it took 1, 2, 3, ...: as many 1s as workers that took
    // one, and no count without the one before it.
    let starts = counts.filter { $0 == 1 }.count
    #expect(starts >= 1 && starts <= workers)
    let tally = Dictionary(counts.map { ($0, 1) }, uniquingKeysWith: +)
    #expect(tally.keys.allSatisfy { $0 == 1 || tally[$0]! <= tally[$0 - 1] ?? 0 })
    #expect(counts.count == 200)
  }

  @Test func oneSliceRunsOnTheCallingThreadWithOneState() {
    let made = Atomic<Int>(0)
    let results = ConcurrentSlices.map(
      queuedSlicesOf: [3, 4, 5], sliceLength: 64,
      state: { () -> Int in
        made.wrappingAdd(1, ordering: .relaxed)
        return 0
      }
    ) { _, slice in slice.reduce(0, +) }
    #expect(results == [12])
    #expect(made.load(ordering: .relaxed) == 1)
  }

  @Test func noElementsMakeNoSlices() {
    let results = ConcurrentSlices.map(queuedSlicesOf: [Int](), sliceLength: 8, state: { () }) {
      _, slice in slice.count
    }
    #expect(results.isEmpty)
  }
}
