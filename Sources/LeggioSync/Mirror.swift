import Foundation
import LeggioStore

#if canImport(Glibc)
  import Glibc
#endif

/// The plain-files mirror of a library: writes the records the library changed, reads
/// back the records that arrived.
package struct Mirror: Sendable {
  package let layout: MirrorLayout

  package init(root: URL) {
    layout = MirrorLayout(root: root)
  }

  package var root: URL { layout.root }

  /// Writes the format file and `.gitattributes` (which names the merge driver) when
  /// missing; refuses a mirror written by a newer Leggio. Returns whether it wrote any.
  @discardableResult
  package func prepare() throws -> Bool {
    var wrote = false
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let format = layout.url(MirrorLayout.formatFile)
    if let data = try? Data(contentsOf: format) {
      let version = (try? JSONDecoder().decode(MirrorFormat.self, from: data))?.version ?? 0
      guard version <= MirrorLayout.formatVersion else {
        throw SyncError.newerFormat(path: format.path, version: version)
      }
    } else {
      wrote = true
      try write(
        try CanonicalJSON.encode(
          MirrorFormat(format: "leggio-mirror", version: MirrorLayout.formatVersion)),
        to: MirrorLayout.formatFile)
    }
    let attributes = """
      # Leggio's mirror: records are merged by \"leggio sync merge-driver\" (newer wins),
      # nothing is ever rewritten as text.
      * -text
      *.json merge=leggio

      """
    if (try? String(contentsOf: layout.url(".gitattributes"), encoding: .utf8)) != attributes {
      try write(Data(attributes.utf8), to: ".gitattributes")
      wrote = true
    }
    // A write cut short leaves its temporary file; Syncthing keeps its own folders.
    let ignored = ".*.leggio-tmp\n.stfolder\n.stversions\n*.sync-conflict-*\n"
    if (try? String(contentsOf: layout.url(".gitignore"), encoding: .utf8)) != ignored {
      try write(Data(ignored.utf8), to: ".gitignore")
      wrote = true
    }
    // And Syncthing, when it carries the folder, leaves out git's and ours.
    let syncthingIgnored = "(?d).*.leggio-tmp\n.git\n"
    if (try? String(contentsOf: layout.url(".stignore"), encoding: .utf8)) != syncthingIgnored {
      try write(Data(syncthingIgnored.utf8), to: ".stignore")
      wrote = true
    }
    return wrote
  }

  /// Writes `changes` and returns how many files changed. Bodies that exist are left
  /// alone (they are named by their hash); a record whose file already holds the same
  /// bytes is not written again.
  /// Pictures are read with `picture` one at a time, only those the mirror lacks.
  @discardableResult
  package func write(_ changes: SyncChanges, picture: (String) -> Data? = { _ in nil }) throws
    -> Int
  {
    var written = 0
    for (hash, data) in changes.bodies {
      let path = MirrorLayout.body(hash)
      if FileManager.default.fileExists(atPath: layout.url(path).path) { continue }
      try write(data, to: path)
      written += 1
    }
    for hash in changes.pictures.sorted() {
      let path = MirrorLayout.picture(hash)
      if FileManager.default.fileExists(atPath: layout.url(path).path) { continue }
      guard let data = picture(hash) else { continue }
      try write(data, to: path)
      written += 1
    }
    func record<T: Encodable>(_ value: T, _ path: String) throws {
      let data = try CanonicalJSON.encode(value)
      if (try? Data(contentsOf: layout.url(path))) == data { return }
      try write(data, to: path)
      written += 1
    }
    for feed in changes.feeds { try record(feed, MirrorLayout.feed(url: feed.url)) }
    for article in changes.articles {
      // The mirror's copy may hold versions another device added: keep them.
      let path = MirrorLayout.article(identity: article.identity)
      var value = article
      if let data = try? Data(contentsOf: layout.url(path)),
        let there = try? JSONDecoder().decode(SyncArticle.self, from: data)
      {
        let known = Set(value.versions.map(\.body))
        value.versions += there.versions.filter { !known.contains($0.body) }
        value.versions.sort { ($0.createdAt, $0.body) < ($1.createdAt, $1.body) }
        // And pictures another device linked: ours win where both name an address.
        if let theirs = there.images {
          let united = (value.images ?? [:]).merging(theirs) { ours, _ in ours }
          value.images = united.isEmpty ? nil : united
        }
      }
      try record(value, path)
    }
    for tag in changes.tags {
      try record(tag, MirrorLayout.tag(identity: tag.article, tag: tag.tag))
    }
    for annotation in changes.annotations {
      try record(annotation, MirrorLayout.annotation(uuid: annotation.uuid))
    }
    for position in changes.positions {
      try record(
        position, MirrorLayout.position(identity: position.article, device: position.device))
    }
    return written
  }

  /// Reads the records at `paths` (relative to the mirror), in the order an import needs;
  /// paths that are not records, or no longer exist, are passed over.
  package func read(_ paths: [String]) -> (SyncIncoming, unreadable: [String]) {
    var incoming = SyncIncoming()
    var unreadable: [String] = []
    let decoder = JSONDecoder()
    let sorted = paths.compactMap { path in MirrorLayout.kind(of: path).map { ($0, path) } }
      .sorted { $0.0 < $1.0 }
    for (kind, path) in sorted {
      guard let data = try? Data(contentsOf: layout.url(path)) else { continue }
      do {
        switch kind {
        case .feed: incoming.feeds.append(try decoder.decode(SyncFeed.self, from: data))
        case .article: incoming.articles.append(try decoder.decode(SyncArticle.self, from: data))
        case .tag: incoming.tags.append(try decoder.decode(SyncTag.self, from: data))
        case .annotation:
          incoming.annotations.append(try decoder.decode(SyncAnnotation.self, from: data))
        case .position:
          incoming.positions.append(try decoder.decode(SyncPosition.self, from: data))
        }
      } catch {
        unreadable.append(path)
      }
    }
    return (incoming, unreadable)
  }

  /// A picture's file by its hash, nil when it has not arrived.
  package func picture(_ hash: String) -> Data? {
    try? Data(contentsOf: layout.url(MirrorLayout.picture(hash)))
  }

  /// A body file by its hash, nil when it has not arrived.
  package func body(_ hash: String) -> Data? {
    try? Data(contentsOf: layout.url(MirrorLayout.body(hash)))
  }

  /// Every record file in the mirror, relative to it.
  package func allRecordPaths() -> [String] {
    var paths: [String] = []
    for top in ["feeds", "articles", "tags", "annotations", "positions"] {
      let base = layout.url(top)
      guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
      while let relative = walker.nextObject() as? String {
        if relative.hasSuffix(".json"), !relative.contains(".sync-conflict-") {
          paths.append(top + "/" + relative)
        }
      }
    }
    return paths
  }

  /// Writes `data` at `path` through a temporary file and a rename, so a reader (or
  /// Syncthing) never sees half a file.
  ///
  /// No `fsync` per file (it cost 5 ms each here, a minute for a large first export): the
  /// library is the source of truth, and a file lost to a power cut is written again,
  /// because its record is only marked exported after the files are written. Written
  /// with `open`/`write` rather than `Data.write`, which syncs every file it writes.
  func write(_ data: Data, to path: String) throws {
    let url = layout.url(path)
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).leggio-tmp")
    if !Self.writeFile(data, temporary.path) {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      guard Self.writeFile(data, temporary.path) else {
        throw CocoaError(
          .fileWriteUnknown,
          userInfo: [
            NSFilePathErrorKey: temporary.path,
            NSLocalizedDescriptionKey:
              "cannot write \(temporary.path): \(String(cString: strerror(errno)))",
          ])
      }
    }
    guard rename(temporary.path, url.path) == 0 else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
    }
  }

  /// Writes `data` to a new or truncated file at `path`; false (with `errno`) on failure.
  private static func writeFile(_ data: Data, _ path: String) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return false }
    var written = 0
    let complete = data.withUnsafeBytes { buffer -> Bool in
      while written < buffer.count {
        let n = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          return false
        }
        written += n
      }
      return true
    }
    let closed = close(descriptor) == 0
    return complete && closed
  }
}

/// The mirror's format file.
struct MirrorFormat: Codable {
  var format: String
  var version: Int
}
