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
    await expectNextFetchWaits(on: budget, untilReleased: 30 * mb)
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
    // A third waits; once the first is read, it is fetched while the second is.
    await expectNextFetchWaits(on: budget, untilReleased: 2 * mb)
  }

  @Test func aFeedLargerThanTheLimitIsNotFetchedBesideAnother() async {
    let mb = 1 << 20
    let budget = FetchedBytesBudget(limit: 6 * mb)
    await budget.startFetch()
    await budget.fetched(21 * mb)
    await expectNextFetchWaits(on: budget, untilReleased: 21 * mb)
  }

  @Test func aFeedsBytesAreGivenBackOnceReadWhileItsTurnIsKeptUntilItEnds() async {
    let mb = 1 << 20
    let budget = FetchedBytesBudget(limit: 6 * mb)
    let storing = FeedFetchLimiter(total: 1, perHost: 1)
    await budget.startFetch()
    await budget.fetched(21 * mb)
    let turn = FeedTurn(holding: 21 * mb, of: budget)
    await turn.begin(storing)
    // The parser let the bytes go: the next feed is fetched while this one is stored.
    await turn.bodyRead()
    await budget.startFetch()
    await budget.fetched(21 * mb)
    let next = FeedTurn(holding: 21 * mb, of: budget)
    let reading = Flag()
    let nextReads = Task {
      await next.begin(storing)
      await reading.set()
    }
    try? await Task.sleep(nanoseconds: 50_000_000)
    #expect(await !reading.isSet)
    // Ending gives the turn on, and the bytes are not given back a second time: the
    // next feed's 21 MB still hold a third fetch back.
    await turn.end()
    await nextReads.value
    #expect(await reading.isSet)
    await expectNextFetchWaits(on: budget, untilReleased: 21 * mb)
  }

  /// Starts one more fetch and checks that it waits, then releases `bytes` and checks
  /// that it starts.
  private func expectNextFetchWaits(on budget: FetchedBytesBudget, untilReleased bytes: Int)
    async
  {
    let started = Flag()
    let next = Task {
      await budget.startFetch()
      await started.set()
    }
    try? await Task.sleep(nanoseconds: 50_000_000)
    #expect(await !started.isSet)
    await budget.release(bytes)
    await next.value
    #expect(await started.isSet)
  }

  private actor Flag {
    var isSet = false
    func set() { isSet = true }
  }
}
