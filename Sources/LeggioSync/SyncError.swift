import Foundation

/// Why a sync could not be done, in one sentence a person can act on.
package enum SyncError: Error, LocalizedError, Equatable {
  case notInitialised(mirror: String)
  case unreachable(remote: String, reason: String)
  case git(command: String, reason: String)
  case gitMissing
  case newerFormat(path: String, version: Int)
  case unmerged(paths: [String])

  package var errorDescription: String? {
    switch self {
    case .notInitialised(let mirror):
      "this library has no sync set up (no mirror at \(mirror)); run `leggio sync init REMOTE`"
    case .unreachable(let remote, let reason):
      "cannot reach \(remote) (\(reason)); your changes are kept and travel at the next sync"
    case .git(let command, let reason):
      "git \(command) failed: \(reason)"
    case .gitMissing:
      "git is not installed; sync needs the git command (apt-get install git)"
    case .newerFormat(let path, let version):
      "\(path) is mirror format \(version), written by a newer Leggio; update Leggio to sync"
    case .unmerged(let paths):
      "git could not merge \(paths.joined(separator: ", ")); the mirror is left as it was"
    }
  }
}
