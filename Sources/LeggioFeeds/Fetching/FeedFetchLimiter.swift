/// Bounds concurrent requests: at most `total` at once and `perHost` to any one host,
/// so updating 200 feeds from one site does not hammer it.
package actor FeedFetchLimiter {
  private let total: Int
  private let perHost: Int
  private var running = 0
  private var runningByHost: [String: Int] = [:]
  private var waiting: [(host: String, continuation: CheckedContinuation<Void, Never>)] = []

  package init(total: Int, perHost: Int) {
    self.total = max(1, total)
    self.perHost = max(1, perHost)
  }

  package func acquire(host: String) async {
    if canStart(host) {
      start(host)
      return
    }
    await withCheckedContinuation { waiting.append((host, $0)) }
  }

  package func release(host: String) {
    running -= 1
    runningByHost[host, default: 1] -= 1
    // Wake the first waiter whose host has room, in arrival order.
    if let index = waiting.firstIndex(where: { canStart($0.host) }) {
      let next = waiting.remove(at: index)
      start(next.host)
      next.continuation.resume()
    }
  }

  private func canStart(_ host: String) -> Bool {
    running < total && runningByHost[host, default: 0] < perHost
  }

  private func start(_ host: String) {
    running += 1
    runningByHost[host, default: 0] += 1
  }
}
