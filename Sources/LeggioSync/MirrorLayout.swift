import Foundation
import LeggioModel

/// Where each record lives in the mirror. Names are ASCII (hashes and UUIDs) under
/// two-character fan-out directories, so no directory grows past a few hundred entries
/// and every file system and engine carries them alike.
///
/// ```
/// leggio-mirror.json                     format and version
/// content/ab/<sha256>                     bodies (documents, original pages), written once
/// pictures/ab/<sha256>                    articles' pictures, as kept, written once
/// articles/ab/<sha256 of identity>.json   one per article
/// tags/ab/<sha256 of identity, tag>.json  one per tag on an article
/// annotations/ab/<uuid>.json              one per bookmark, highlight or note
/// positions/<device>/ab/<sha256>.json     one per article per device
/// feeds/ab/<sha256 of url>.json           one per subscription
/// ```
package struct MirrorLayout: Sendable {
  package static let formatFile = "leggio-mirror.json"
  package static let formatVersion = 1

  package let root: URL

  package init(root: URL) {
    self.root = root
  }

  package static func fanned(_ directory: String, _ name: String, _ suffix: String = ".json")
    -> String
  {
    "\(directory)/\(name.prefix(2))/\(name)\(suffix)"
  }

  package static func body(_ hash: String) -> String { fanned("content", hash, "") }

  package static func picture(_ hash: String) -> String { fanned("pictures", hash, "") }

  package static func article(identity: String) -> String {
    fanned("articles", SHA256.hex(identity))
  }

  package static func tag(identity: String, tag: String) -> String {
    fanned("tags", SHA256.hex(identity + "\n" + tag.lowercased()))
  }

  /// Annotations fan out on the random end of their UUID (its start is a time).
  package static func annotation(uuid: String) -> String {
    let name = uuid.lowercased()
    return "annotations/\(name.suffix(2))/\(name).json"
  }

  package static func position(identity: String, device: String) -> String {
    fanned("positions/\(safeName(device))", SHA256.hex(identity))
  }

  package static func feed(url: String) -> String { fanned("feeds", SHA256.hex(url)) }

  /// A device id as a file name: ASCII letters, digits and `-` only.
  static func safeName(_ text: String) -> String {
    let kept = text.lowercased().unicodeScalars.filter {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
    }
    return kept.isEmpty ? "device" : String(String.UnicodeScalarView(kept))
  }

  /// The kind of record a mirror path holds, nil for anything else.
  package static func kind(of path: String) -> MirrorKind? {
    guard path.hasSuffix(".json") else { return nil }
    return switch path.prefix(while: { $0 != "/" }) {
    case "articles": .article
    case "tags": .tag
    case "annotations": .annotation
    case "positions": .position
    case "feeds": .feed
    default: nil
    }
  }

  package func url(_ path: String) -> URL { root.appendingPathComponent(path) }
}

/// The directories of records, in the order an import needs them.
package enum MirrorKind: Int, CaseIterable, Sendable, Comparable {
  case feed, article, tag, annotation, position

  package static func < (a: MirrorKind, b: MirrorKind) -> Bool { a.rawValue < b.rawValue }
}
