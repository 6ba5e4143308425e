import Foundation
import LeggioStore

#if canImport(Glibc)
  import Glibc
#endif

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
  /// This device's name, sent with its reading positions ("read on NAME").
  package let deviceName: String

  static let branch = "main"

  package init(
    library: Library, mirror: URL, mergeDriver: String, deviceName: String = hostName()
  ) {
    self.library = library
    self.mirror = Mirror(root: mirror)
    self.git = Git(directory: mirror, device: library.deviceID)
    self.mergeDriver = mergeDriver
    self.deviceName = deviceName
  }

  /// `$LEGGIO_DEVICE_NAME`, else this machine's host name.
  package static func hostName() -> String {
    if let name = ProcessInfo.processInfo.environment["LEGGIO_DEVICE_NAME"], !name.isEmpty {
      return name
    }
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "another device" }
    let name = String(
      decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return name.isEmpty ? "another device" : name
  }

  /// Where a library's mirror lives by default: beside it, `library.sqlite` ->
  /// `library-sync/`.
  package static func defaultMirror(libraryPath: String) -> URL {
    let url = URL(fileURLWithPath: libraryPath)
    let name = url.deletingPathExtension().lastPathComponent
    return url.deletingLastPathComponent().appendingPathComponent(name + "-sync")
  }

  /// The mirror `leggio sync init` set this library up with (it may have been given
  /// `--mirror`), else the default one.
  package static func mirror(of library: Library, libraryPath: String) -> URL {
    if let path = try? library.syncState("mirror"), !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    return defaultMirror(libraryPath: libraryPath)
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
    try library.setSyncState("mirror", mirror.root.standardizedFileURL.path)
    if let remote {
      if !git.isRepository {
        try clone(remote)
      } else if try git.run(["remote", "get-url", "origin"]).status == 0 {
        try git.check(["remote", "set-url", "origin", remote])
      } else {
        try git.check(["remote", "add", "origin", remote])
      }
    }
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

  /// Whether `leggio sync init` has made the mirror.
  package var isSetUp: Bool {
    FileManager.default.fileExists(atPath: mirror.layout.url(MirrorLayout.formatFile).path)
  }

  /// One sync; waits for any other sync of this mirror to finish first. `progress` hears
  /// each step as it starts ("export", "fetch", "merge", "import", "push"...).
  package func sync(progress: (@Sendable (String) -> Void)? = nil) throws -> SyncReport {
    guard isSetUp else { throw SyncError.notInitialised(mirror: mirror.root.path) }
    let lock = try SyncLock(lockURL)
    defer { withExtendedLifetime(lock) {} }
    return try syncLocked(progress)
  }

  private func syncLocked(_ progress: (@Sendable (String) -> Void)? = nil) throws -> SyncReport {
    var report = SyncReport()
    try library.nameDevice(deviceName)
    if try mirror.prepare() { try library.setSyncState("uncommitted", "1") }
    let usesGit = git.isRepository
    if usesGit { try recover() }
    // Conflict copies come from Syncthing, which marks each folder it shares with
    // `.stfolder`: a git mirror it does not carry is not walked for them.
    let carriedBySyncthing = FileManager.default.fileExists(
      atPath: mirror.layout.url(".stfolder").path)
    let folding =
      !usesGit || carriedBySyncthing
      ? try ConflictFolding.fold(in: mirror) : (changed: [], copies: 0)
    let folded = folding.changed
    report.folded = folding.copies
    let startedAt = Date()
    report.exported += try trace("export", progress) { try export() }
    guard usesGit else {
      try importFolder(since: try library.syncState("imported-at"), also: folded, &report)
      // A record whose text has not arrived yet is read again next time.
      if report.skipped.isEmpty {
        try library.setSyncState("imported-at", String(SyncTime.milliseconds(startedAt)))
      }
      report.exported += try export()
      try library.setSyncState("last-sync", String(SyncTime.milliseconds(Date())))
      return report
    }
    let config = try git.settings()
    if config["merge.leggio.driver"] != mergeDriver {
      try git.check(["config", "merge.leggio.name", "Leggio records: the newer edit wins"])
      try git.check(["config", "merge.leggio.driver", mergeDriver])
    }
    let remote = config["remote.origin.url"]
    try trace("commit", progress) {
      try commit("Leggio: changes from \(library.deviceID)", force: folded.count > 0)
    }
    for attempt in 0..<4 {
      if let remote {
        // The commit (and git's own gc after it) looks after packing, not every fetch.
        let fetch = try trace("fetch", progress) {
          try git.runWaitingForRefs(["fetch", "--quiet", "--no-auto-maintenance", "origin"])
        }
        guard fetch.status == 0 else {
          report.offline = .unreachable(remote: remote, reason: fetch.reason)
          break
        }
      }
      var heads = try git.heads()
      if remote != nil, heads.remote != nil, heads.remote != heads.local {
        try trace("merge", progress) { try merge(heads) }
        heads = try git.heads()
      }
      try trace("import", progress) {
        try importCommits(head: heads.local, also: attempt == 0 ? folded : [], &report)
      }
      // The import may have found this library still newer somewhere: say so too.
      if try library.pendingSyncChanges() > 0 {
        report.exported += try export()
        try commit("Leggio: merged on \(library.deviceID)")
        heads = try git.heads()
      }
      guard let remote else { break }
      guard heads.remote != heads.local else {
        report.pushed = true
        break
      }
      let push = try trace("push", progress) {
        try git.runWaitingForRefs(["push", "--quiet", "origin", "HEAD:refs/heads/" + Self.branch])
      }
      if push.status == 0 {
        report.pushed = true
        break
      }
      // Rejected because another device pushed meanwhile: fetch and merge again.
      if !push.stderr.contains("rejected") && !push.stderr.contains("fetch first") {
        report.offline = .unreachable(remote: remote, reason: push.reason)
        break
      }
    }
    if report.offline == nil {
      try library.setSyncState("last-sync", String(SyncTime.milliseconds(Date())))
    }
    return report
  }

  /// Runs `body`, printing its time to stderr when `LEGGIO_SYNC_TRACE` is set; tells
  /// `progress` the step is starting.
  private func trace<T>(
    _ step: String, _ progress: (@Sendable (String) -> Void)? = nil, _ body: () throws -> T
  ) rethrows -> T {
    progress?(step)
    guard ProcessInfo.processInfo.environment["LEGGIO_SYNC_TRACE"] != nil else { return try body() }
    let start = Date()
    defer {
      FileHandle.standardError.write(
        Data("sync \(step): \(Int(Date().timeIntervalSince(start) * 1000)) ms\n".utf8))
    }
    return try body()
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
    // Set until the files are committed: a sync killed in between commits them next time.
    try library.setSyncState("uncommitted", "1")
    let written = try trace("export: write") {
      try mirror.write(changes) { try? self.library.imageData(hash: $0) }
    }
    try library.markExported(through: changes.watermark)
    return written
  }

  /// Commits every change in the mirror, if there is any: when this sync or one killed
  /// before it wrote files (or `force`). When the library had imported everything before
  /// this commit, it has imported this one too (it made it).
  private func commit(_ message: String, force: Bool = false) throws {
    guard try force || library.syncState("uncommitted") != nil else { return }
    // Every new record straight into one pack (git's bulk check-in, which it keeps for
    // big files) rather than a loose object file each: the first sync of 10,000 articles
    // wrote 27,000 object files, and their number set off a repack at every later sync.
    try git.check(["-c", "core.bigFileThreshold=1", "add", "--all"])
    if try git.run(["diff", "--cached", "--quiet"]).status != 0 {
      let before = try git.heads().local
      try git.check(["commit", "--quiet", "--no-verify", "-m", message])
      if try library.syncState("imported-commit") == before, let head = try git.heads().local {
        try library.setSyncState("imported-commit", head)
      }
    }
    try library.clearSyncState("uncommitted")
  }

  /// Merges the remote's branch; two edits of one record are resolved by the driver.
  private func merge(_ heads: Git.Heads) throws {
    guard let theirs = heads.remote else { return }
    guard heads.local != nil else {
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
  private func importCommits(head: String?, also: [String], _ report: inout SyncReport) throws {
    guard let head else { return }
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

  /// Without git (Syncthing), imports the records that changed on disk since `since`
  /// (with a margin for clocks), and `also`. The inode's change time is what counts:
  /// Syncthing gives an arriving file its source's modification time, which may be older
  /// than the last import, but it writes a new file, whose change time is now.
  private func importFolder(since: String?, also: [String], _ report: inout SyncReport) throws {
    var paths = mirror.allRecordPaths()
    if let since = since.flatMap(Int64.init) {
      let threshold = Double(since - 10_000) / 1000
      paths = paths.filter { path in
        var info = stat()
        guard stat(mirror.layout.url(path).path, &info) == 0 else { return true }
        return Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1e9 >= threshold
      }
    }
    try apply(paths + also, &report)
  }

  private func apply(_ paths: [String], _ report: inout SyncReport) throws {
    guard !paths.isEmpty else { return }
    let (incoming, unreadable) = mirror.read(Array(Set(paths)))
    let mirror = self.mirror
    let result = try library.importSync(
      incoming, body: { mirror.body($0) }, picture: { mirror.picture($0) })
    report.imported += result.applied
    report.unchanged += result.unchanged
    report.skipped += result.skipped + unreadable.map { "\($0) is not a record Leggio can read" }
  }

  /// What a sync would move, without moving it (the remote is not contacted).
  package func status() throws -> SyncStatus {
    guard isSetUp else { throw SyncError.notInitialised(mirror: mirror.root.path) }
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
