import Foundation

/// The library header's sync state: when the last sync was, what waits to travel, and
/// whether a sync runs or failed. Nil in `AppState` when sync is not set up.
public struct SyncIndicator: Hashable, Sendable {
  public var lastSync: Date?
  /// Records changed here since the last sync.
  public var pending: Int
  public var running: Bool
  /// The last sync did not reach the remote or failed.
  public var failed: Bool

  public init(lastSync: Date? = nil, pending: Int = 0, running: Bool = false, failed: Bool = false)
  {
    self.lastSync = lastSync
    self.pending = pending
    self.running = running
    self.failed = failed
  }

  /// "synced 4 Dec 14:05 · 3 to sync", "syncing…", "sync failed · 3 to sync".
  func label(timeZone: TimeZone) -> String {
    var parts: [String] = []
    if running {
      parts.append("syncing…")
    } else if failed {
      parts.append("sync failed")
    } else if let lastSync {
      parts.append("synced " + Self.time(lastSync, timeZone: timeZone))
    } else {
      parts.append("never synced")
    }
    if pending > 0 { parts.append("\(pending) to sync") }
    return parts.joined(separator: " · ")
  }

  /// "4 Dec 14:05" in `timeZone`.
  static func time(_ date: Date, timeZone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.day, .month, .hour, .minute], from: date)
    let months = [
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    let month = months[max(0, min(11, (parts.month ?? 1) - 1))]
    let twoDigits = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
    return
      "\(parts.day ?? 1) \(month) \(twoDigits(parts.hour ?? 0)):\(twoDigits(parts.minute ?? 0))"
  }
}
