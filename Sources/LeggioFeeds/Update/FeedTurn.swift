import Foundation

/// What one feed's update holds on its way to the library: the bytes fetched
/// (`FetchedBytesBudget`) and, once it has it, its turn at reading and building
/// (`FeedUpdater.storing`). The bytes are given back once the parser is done with them
/// (`bodyRead`), so that the next feed is fetched while this one's last items are built
/// and written; the turn once the feed's last group of articles is handed to the writer,
/// or holds it for a feed of one group (`FeedUpdater.store`), so that the next feed is
/// read meanwhile. Both go at the latest
/// when the update ends.
actor FeedTurn {
  private var bytes: (budget: FetchedBytesBudget, count: Int)?
  private var turn: FeedFetchLimiter?

  init(holding count: Int, of budget: FetchedBytesBudget) { bytes = (budget, count) }

  /// Waits for the turn at reading and building.
  func begin(_ limiter: FeedFetchLimiter) async {
    await limiter.acquire(host: "")
    turn = limiter
  }

  /// The fetched bytes are read and let go: the next feed may be fetched.
  @Sendable func bodyRead() async {
    let bytes = self.bytes
    self.bytes = nil
    if let bytes { await bytes.budget.release(bytes.count) }
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
