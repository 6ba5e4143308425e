import Foundation

/// Syncthing keeps both sides of a conflicting change, the loser renamed
/// `NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.EXT`. Folding merges each such copy into
/// its record by the same rule as git's merge driver and removes the copy.
package enum ConflictFolding {
  /// Folds every conflict copy under `mirror`; returns the records that changed and how
  /// many copies were folded.
  package static func fold(in mirror: Mirror) throws -> (changed: [String], copies: Int) {
    let root = mirror.root
    guard let walker = FileManager.default.enumerator(atPath: root.path) else { return ([], 0) }
    var copies: [(copy: String, original: String)] = []
    while let relative = walker.nextObject() as? String {
      if relative.hasPrefix(".git/") || relative.hasPrefix(".stfolder") { continue }
      if let original = originalName(of: relative) { copies.append((relative, original)) }
    }
    var changed: [String] = []
    for (copy, original) in copies.sorted(by: { $0.copy < $1.copy }) {
      let copyURL = mirror.layout.url(copy)
      let originalURL = mirror.layout.url(original)
      guard let theirs = try? Data(contentsOf: copyURL) else { continue }
      if let ours = try? Data(contentsOf: originalURL) {
        if original.hasSuffix(".json"), let merged = RecordMerge.merge(ours, theirs),
          merged != ours
        {
          try mirror.write(merged, to: original)
          changed.append(original)
        }
      } else {
        try mirror.write(theirs, to: original)
        changed.append(original)
      }
      try FileManager.default.removeItem(at: copyURL)
    }
    return (changed, copies.count)
  }

  /// `a/b.json` for `a/b.sync-conflict-20240102-030405-ABCDEFG.json`; nil for a name that
  /// is no conflict copy.
  static func originalName(of path: String) -> String? {
    guard let marker = path.range(of: ".sync-conflict-") else { return nil }
    let rest = path[marker.upperBound...]
    // 8 digits, '-', 6 digits, '-', the device's short id, then the extension if any.
    let parts = rest.split(separator: "-", maxSplits: 2)
    guard parts.count == 3, parts[0].count == 8, parts[1].count == 6,
      parts[0].allSatisfy(\.isNumber), parts[1].allSatisfy(\.isNumber)
    else { return nil }
    let tail = parts[2]
    let suffix = tail.firstIndex(of: ".").map { String(tail[$0...]) } ?? ""
    return String(path[..<marker.lowerBound]) + suffix
  }
}
