import Foundation
import LeggioStore

/// `leggio sync`: the library's mirror carried by git (or by Syncthing, when the mirror
/// has no remote). One sync: fold Syncthing's conflict copies, export what changed,
/// commit, fetch, merge (records by the registered merge driver), import what arrived,
/// push. Every step can be repeated: a sync killed anywhere is finished by the next one.
package final class SyncEngine: Sendable {
  package let library: Library
  package let mirror: Mirror
  package let git: Git
  /// The shell command git runs to merge two records (`leggio sync merge-driver`).
  package let mergeDriver: String

  static let branch = "main"

  package init(library: Library, mirror: URL, mergeDriver: String) {
    self.library = library
    self.mirror = Mirror(root: mirror)
    self.git = Git(directory: mirror, device: library.deviceID)
    self.mergeDriver = mergeDriver
  }

  /// Where a library's mirror lives by default: beside it, `library.sqlite` ->
  /// `library-sync/`.
  package static func defaultMirror(libraryPath: String) -> URL {
    let url = URL(fileURLWithPath: libraryPath)
    let name = url.deletingPathExtension().lastPathComponent
    return url.deletingLastPathComponent().appendingPathComponent(name + "-sync")
  }

  var lockURL: URL {
    mirror.root.deletingLastPathComponent()
      .appendingPathComponent("." + mirror.root.lastPathComponent + ".lock")
  }

  /// Sets sync up: clones `remote` into the mirror (creating a bare repository there when
  /// it is a path that does not exist yet), or, with no remote, makes the mirror a plain
  /// folder for Syncthing. Then syncs once.
  package func initialize(remote: String?) throws -> SyncReport {
    let lock = try SyncLock(lockURL)
    defer { withExtendedLifetime(lock) {} }
    if let remote {
      if !git.isRepository {
        try clone(remote)
      } else if try git.run(["remote", "get-url", "origin"]).status == 0 {
        try git.check(["remote", "set-url", "origin", remote])
      } else {
        try git.check(["remote", "add", "origin", remote])
      }
    }
    try mirror.prepare()
    return try syncLocked()
  }

  private func clone(_ remote: String) throws {
    let parent = mirror.root.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    if remote.hasPrefix("/") && !FileManager.default.fileExists(atPath: remote) {
      try git.check(
        ["init", "--quiet", "--bare", "--initial-branch=" + Self.branch, remote], in: parent)
    }
    if FileManager.default.fileExists(atPath: mirror.root.path) {
      // A mirror folder that is not a repository yet (one Syncthing carried): keep its
      // files, make it one.
      try git.check(["init", "--quiet", "--initial-branch=" + Self.branch])
      try git.check(["remote", "add", "origin", remote])
      return
    }
    let output = try git.run(["clone", "--quiet", remote, mirror.root.path], in: parent)
    guard output.status == 0 else {
      throw SyncError.unreachable(remote: remote, reason: output.reason)
    }
    // An empty remote gives a clone with no branch yet: name it.
    if try git.commit("HEAD") == nil {
      try git.check(["symbolic-ref", "HEAD", "refs/heads/" + Self.branch])
    }
  }

  /// One sync; waits for any other sync of this mirror to finish first.
  package func sync() throws -> SyncReport {
    guard
      FileManager.default.fileExists(
        atPath: mirror.layout.url(MirrorLayout.formatFile).path)
    else { throw SyncError.notInitialised(mirror: mirror.root.path) }
    let lock = try SyncLock(lockURL)
    defer { withExtendedLifetime(lock) {} }
    return try syncLocked()
  }

  private func syncLocked() throws -> SyncReport {
    var report = SyncReport()
    try mirror.prepare()
    let usesGit = git.isRepository
    if usesGit { try recover() }
    let folded = try ConflictFolding.fold(in: mirror)
    report.folded = folded.count
    let startedAt = Date()
    report.exported += try trace("export") { try export() }
    guard usesGit else {
      try importFolder(since: try library.syncState("imported-at"), also: folded, &report)
      try library.setSyncState("imported-at", String(SyncTime.milliseconds(startedAt)))
      report.exported += try export()
      try library.setSyncState("last-sync", String(SyncTime.milliseconds(Date())))
      return report
    }
    try git.check(["config", "merge.leggio.name", "Leggio records: the newer edit wins"])
    try git.check(["config", "merge.leggio.driver", mergeDriver])
    try trace("commit") { try commit("Leggio: changes from \(library.deviceID)") }
    let hasRemote = try git.run(["remote", "get-url", "origin"]).status == 0
    for attempt in 0..<4 {
      if hasRemote {
        let fetch = try git.run(["fetch", "--quiet", "origin"])
        guard fetch.status == 0 else {
          report.offline = try remoteName() + ": " + fetch.reason
          break
        }
        try merge()
      }
      try trace("import") { try importCommits(also: attempt == 0 ? folded : [], &report) }
      // The import may have found this library still newer somewhere: say so too.
      if try library.pendingSyncChanges() > 0 {
        report.exported += try export()
        try commit("Leggio: merged on \(library.deviceID)")
      }
      guard hasRemote else { break }
      guard try git.commit("origin/" + Self.branch) != git.commit("HEAD") else {
        report.pushed = true
        break
      }
      let push = try git.run(["push", "--quiet", "origin", "HEAD:refs/heads/" + Self.branch])
      if push.status == 0 {
        report.pushed = true
        break
      }
      // Rejected because another device pushed meanwhile: fetch and merge again.
      if !push.stderr.contains("rejected") && !push.stderr.contains("fetch first") {
        report.offline = try remoteName() + ": " + push.reason
        break
      }
    }
    if report.offline == nil {
      try library.setSyncState("last-sync", String(SyncTime.milliseconds(Date())))
    }
    return report
  }

  /// Runs `body`, printing its time to stderr when `LEGGIO_SYNC_TRACE` is set.
  private func trace<T>(_ step: String, _ body: () throws -> T) rethrows -> T {
    guard ProcessInfo.processInfo.environment["LEGGIO_SYNC_TRACE"] != nil else { return try body() }
    let start = Date()
    defer {
      FileHandle.standardError.write(
        Data("sync \(step): \(Int(Date().timeIntervalSince(start) * 1000)) ms\n".utf8))
    }
    return try body()
  }

  private func remoteName() throws -> String {
    (try? git.check(["remote", "get-url", "origin"]))?
      .trimmingCharacters(in: .whitespacesAndNewlines) ?? "the remote"
  }

  /// Undoes what a sync killed half-way left: a merge not concluded, a stale index lock
  /// (no other sync runs: we hold the lock).
  private func recover() throws {
    let gitDirectory = mirror.root.appendingPathComponent(".git")
    try? FileManager.default.removeItem(at: gitDirectory.appendingPathComponent("index.lock"))
    if FileManager.default.fileExists(
      atPath: gitDirectory.appendingPathComponent("MERGE_HEAD").path)
    {
      try git.check(["merge", "--abort"])
    }
  }

  /// Writes what changed in the library to the mirror; returns the files written.
  private func export() throws -> Int {
    let changes = try trace("export: read") { try library.syncChanges() }
    guard changes.count > 0 else {
      if changes.watermark > 0 { try library.markExported(through: changes.watermark) }
      return 0
    }
    let written = try trace("export: write") { try mirror.write(changes) }
    try library.markExported(through: changes.watermark)
    return written
  }

  /// Commits every change in the mirror, if there is any. When the library had imported
  /// everything before this commit, it has imported this one too (it made it).
  private func commit(_ message: String) throws {
    try git.check(["add", "--all"])
    guard try git.run(["diff", "--cached", "--quiet"]).status != 0 else { return }
    let before = try git.commit("HEAD")
    try git.check(["commit", "--quiet", "--no-verify", "-m", message])
    if try library.syncState("imported-commit") == before, let head = try git.commit("HEAD") {
      try library.setSyncState("imported-commit", head)
    }
  }

  /// Merges the remote's branch; two edits of one record are resolved by the driver.
  private func merge() throws {
    guard let theirs = try git.commit("origin/" + Self.branch) else { return }
    if try git.commit("HEAD") == nil {
      try git.check(["reset", "--quiet", "--hard", theirs])
      return
    }
    let output = try git.run([
      "merge", "--quiet", "--no-edit", "--allow-unrelated-histories", "-m", "Leggio: sync",
      theirs,
    ])
    guard output.status != 0 else { return }
    let unmerged = try git.run(["diff", "--name-only", "--diff-filter=U"]).stdout
      .split(whereSeparator: \.isNewline).map(String.init)
    _ = try? git.run(["merge", "--abort"])
    throw unmerged.isEmpty
      ? SyncError.git(command: "merge", reason: output.reason) : SyncError.unmerged(paths: unmerged)
  }

  /// Imports the records that changed since the last imported commit (all of them the
  /// first time), and `also`.
  private func importCommits(also: [String], _ report: inout SyncReport) throws {
    guard let head = try git.commit("HEAD") else { return }
    let last = try library.syncState("imported-commit")
    guard last != head || !also.isEmpty else { return }
    var paths: [String]
    if let last, try git.commit(last) != nil {
      paths = try git.changedPaths(from: last, to: head)
    } else {
      paths = mirror.allRecordPaths()
    }
    paths += also
    try apply(paths, &report)
    try library.setSyncState("imported-commit", head)
  }

  /// Without git (Syncthing), imports the records written since `since` (with a margin
  /// for clocks and Syncthing's own renames), and `also`.
  private func importFolder(since: String?, also: [String], _ report: inout SyncReport) throws {
    let threshold = since.flatMap(Int64.init).map { SyncTime.date($0 - 10_000) }
    var paths = mirror.allRecordPaths()
    if let threshold {
      paths = paths.filter { path in
        let attributes = try? FileManager.default.attributesOfItem(
          atPath: mirror.layout.url(path).path)
        return (attributes?[.modificationDate] as? Date ?? .distantFuture) >= threshold
      }
    }
    try apply(paths + also, &report)
  }

  private func apply(_ paths: [String], _ report: inout SyncReport) throws {
    guard !paths.isEmpty else { return }
    let (incoming, unreadable) = mirror.read(Array(Set(paths)))
    let mirror = self.mirror
    let result = try library.importSync(incoming) { mirror.body($0) }
    report.imported += result.applied
    report.unchanged += result.unchanged
    report.skipped += result.skipped + unreadable.map { "\($0) is not a record Leggio can read" }
  }

  /// What a sync would move, without moving it (the remote is not contacted).
  package func status() throws -> SyncStatus {
    guard
      FileManager.default.fileExists(
        atPath: mirror.layout.url(MirrorLayout.formatFile).path)
    else { throw SyncError.notInitialised(mirror: mirror.root.path) }
    var status = SyncStatus(
      mirror: mirror.root.path, remote: nil,
      lastSync: try library.syncState("last-sync").flatMap(Int64.init).map(SyncTime.date),
      pendingRecords: try library.pendingSyncChanges(), unpushedCommits: 0, unmergedCommits: 0)
    guard git.isRepository else { return status }
    let remote = try git.run(["remote", "get-url", "origin"])
    if remote.status == 0 {
      status.remote = remote.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    if try git.commit("origin/" + Self.branch) != nil, try git.commit("HEAD") != nil {
      let counts = try git.check([
        "rev-list", "--left-right", "--count", "HEAD...origin/" + Self.branch,
      ]).split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
      if counts.count == 2 {
        status.unpushedCommits = counts[0]
        status.unmergedCommits = counts[1]
      }
    } else if try git.commit("HEAD") != nil {
      status.unpushedCommits =
        Int(
          try git.check(["rev-list", "--count", "HEAD"]).trimmingCharacters(
            in: .whitespacesAndNewlines)) ?? 0
    }
    return status
  }
}
