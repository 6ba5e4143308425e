import Foundation
import Testing

@testable import LeggioFeeds

/// Large fetched feeds wait for the store instead of all sitting in memory (issue 17).
@Suite struct FetchedBytesBudgetTests {
  @Test func aFetchWaitsWhileLargeFeedsWaitToBeStoredAndStartsWhenOneIs() async {
    let mb = 1 << 20
    let budget = FetchedBytesBudget(limit: 64 * mb)
    // Nothing known yet: fetches are counted as 8 MB, so eight start at once.
    for _ in 0..<8 { await budget.startFetch() }
    for _ in 0..<8 { await budget.fetched(0) }
    // Two feeds of 30 MB held: a third fetch might bring 30 more, past 64 MB.
    await budget.startFetch()
    await budget.fetched(30 * mb)
    await budget.startFetch()
    await budget.fetched(30 * mb)
    let started = Flag()
    let waiter = Task {
      await budget.startFetch()
      await started.set()
    }
    try? await Task.sleep(nanoseconds: 50_000_000)
    #expect(await !started.isSet)
    await budget.release(30 * mb)
    await waiter.value
    #expect(await started.isSet)
  }

  @Test func oneFetchIsAlwaysLetThroughWhateverItsSize() async {
    let budget = FetchedBytesBudget(limit: 1)
    await budget.startFetch()
    await budget.fetched(100)
    await budget.release(100)
    await budget.startFetch()
    await budget.fetched(0)
  }

  @Test func aSmallFeedIsFetchedBesideTheOneHeldButNoMore() async {
    let mb = 1 << 20
    let budget = FetchedBytesBudget(limit: 6 * mb)
    await budget.startFetch()
    await budget.fetched(2 * mb)
    // One feed of 2 MB held (being read): the next is fetched meanwhile.
    await budget.startFetch()
    await budget.fetched(2 * mb)
    let started = Flag()
    let third = Task {
      await budget.startFetch()
      await started.set()
    }
    try? await Task.sleep(nanoseconds: 50_000_000)
    #expect(await !started.isSet)
    // The first is read: the third is fetched while the second is.
    await budget.release(2 * mb)
    await third.value
    #expect(await started.isSet)
  }

  @Test func aFeedLargerThanTheLimitIsNotFetchedBesideAnother() async {
    let mb = 1 << 20
    let budget = FetchedBytesBudget(limit: 6 * mb)
    await budget.startFetch()
    await budget.fetched(21 * mb)
    let started = Flag()
    let next = Task {
      await budget.startFetch()
      await started.set()
    }
    try? await Task.sleep(nanoseconds: 50_000_000)
    #expect(await !started.isSet)
    await budget.release(21 * mb)
    await next.value
    #expect(await started.isSet)
  }

  private actor Flag {
    var isSet = false
    func set() { isSet = true }
  }
}
