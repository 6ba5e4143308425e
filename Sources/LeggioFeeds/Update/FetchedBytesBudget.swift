/// Bounds the bytes of feeds fetched but not yet stored. Feeds are fetched side by side
/// and stored two at a time, so ten large feeds all sat in memory waiting their turn: an
/// update of ten feeds of 21 MB held 215 MB of them. A fetch starts only when what is held
/// plus what the fetches under way may bring (each counted as large as the largest feed
/// seen so far, 8 MB before any) stays within `limit`; one is always let through. Feeds
/// of ordinary size are fetched as concurrently as before.
///
/// While every feed seen is within `limit`, one more is fetched beside the one held, so
/// that it is there when the writer takes the one before: fetched only then, a feed of
/// 2 MB left the update to its writer alone for 15–25 ms (of about 90 a feed, on the
/// bench's local server). A feed larger than `limit` waits to be fetched as before.
actor FetchedBytesBudget {
  private let limit: Int
  private var held = 0
  /// How many fetched feeds (of more than no bytes) are held.
  private var heldFeeds = 0
  private var fetching = 0
  private var largest = 0
  private var waiting: [CheckedContinuation<Void, Never>] = []

  init(limit: Int) { self.limit = limit }

  /// Waits for room for one more fetch, and counts it as under way until `fetched`.
  func startFetch() async {
    if hasRoom() {
      fetching += 1
      return
    }
    await withCheckedContinuation { waiting.append($0) }
  }

  /// The fetch brought `bytes` (0 when it failed or had nothing new), held until
  /// `release`.
  func fetched(_ bytes: Int) {
    fetching -= 1
    held += bytes
    if bytes > 0 { heldFeeds += 1 }
    largest = max(largest, bytes)
    wake()
  }

  func release(_ bytes: Int) {
    held -= bytes
    if bytes > 0 { heldFeeds -= 1 }
    wake()
  }

  private func hasRoom() -> Bool {
    heldFeeds + fetching == 0 || (heldFeeds + fetching == 1 && largest <= limit)
      || held + (fetching + 1) * max(largest, 8 << 20) <= limit
  }

  private func wake() {
    while !waiting.isEmpty, hasRoom() {
      fetching += 1
      waiting.removeFirst().resume()
    }
  }
}
