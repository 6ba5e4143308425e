import Foundation

/// What one feed's update holds on its way to the library: the bytes fetched
/// (`FetchedBytesBudget`) and, once it has it, its turn at reading and building
/// (`FeedUpdater.storing`). Both are given back once: when the feed's last articles are
/// built and wait only for the writer (`FeedUpdater.store`), so that the next feed is
/// fetched and read while they are written; or when the update ends, whichever comes
/// first.
actor FeedTurn {
  private var bytes: (budget: FetchedBytesBudget, count: Int)?
  private var turn: FeedFetchLimiter?

  init(holding count: Int, of budget: FetchedBytesBudget) { bytes = (budget, count) }

  /// Waits for the turn at reading and building.
  func begin(_ limiter: FeedFetchLimiter) async {
    await limiter.acquire(host: "")
    turn = limiter
  }

  @Sendable func end() async {
    let (turn, bytes) = (self.turn, self.bytes)
    self.turn = nil
    self.bytes = nil
    await turn?.release(host: "")
    if let bytes { await bytes.budget.release(bytes.count) }
  }
}

/// A fetched feed's bytes, taken by the parser, so that the update does not keep them
/// once they are read.
final class FeedBody: @unchecked Sendable {
  private let lock = NSLock()
  private var data: Data?

  init(_ data: Data) { self.data = data }

  /// The bytes, given once.
  func take() -> Data {
    lock.withLock {
      defer { data = nil }
      return data ?? Data()
    }
  }
}
