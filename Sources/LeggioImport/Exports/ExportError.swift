import Foundation

/// Why an export as a whole could not be read (a bad entry inside it is an
/// `ExportProblem` instead, and the rest is still read).
public enum ExportError: LocalizedError, Equatable, Sendable {
  case missing(path: String)
  case unreadable(path: String, reason: String)
  /// None of the files is an export Leggio knows.
  case unrecognised(path: String)
  /// The file is of the format but broken where it matters; `entry` names the place.
  case malformed(path: String, entry: String?, reason: String)
  /// The export holds nothing to import.
  case empty(path: String)

  public var errorDescription: String? {
    switch self {
    case .missing(let path): "\(path) does not exist; check the path"
    case .unreadable(let path, let reason): "\(path) cannot be read (\(reason))"
    case .unrecognised(let path):
      "\(path) is not an export Leggio knows; name its service with --from "
        + ExportFormat.allCases.map(\.rawValue).joined(separator: "|")
    case .malformed(let path, let entry, let reason):
      "\(path)\(entry.map { ": " + $0 } ?? ""): \(reason)"
    case .empty(let path): "\(path) holds no saved items"
    }
  }
}
