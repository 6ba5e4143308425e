import Foundation

/// What one `leggio sync` did.
package struct SyncReport: Sendable {
  /// Mirror files this library wrote (records and bodies).
  package var exported = 0
  /// Records that arrived and changed this library.
  package var imported = 0
  /// Records that arrived but were already here.
  package var unchanged = 0
  /// Syncthing conflict copies folded into their records.
  package var folded = 0
  /// Whether this library's commits reached the remote.
  package var pushed = false
  /// Why the remote could not be reached, when it could not: the sync stopped there.
  package var offline: SyncError?
  /// Records that could not be imported yet, one sentence each.
  package var skipped: [String] = []

  package init() {}

  /// One line for people.
  package var summary: String {
    var parts = ["\(exported) files out", "\(imported) changes in"]
    if folded > 0 { parts.append("\(folded) conflict copies folded") }
    if !skipped.isEmpty { parts.append("\(skipped.count) waiting for their article") }
    return "synced: " + parts.joined(separator: ", ")
  }
}

/// What `leggio sync status` shows.
package struct SyncStatus: Sendable {
  package var mirror: String
  package var remote: String?
  package var lastSync: Date?
  /// Records changed here since the last sync.
  package var pendingRecords: Int
  /// Commits made here that the remote has not seen (as of the last fetch).
  package var unpushedCommits: Int
  /// Commits fetched from the remote that are not merged yet.
  package var unmergedCommits: Int
}
