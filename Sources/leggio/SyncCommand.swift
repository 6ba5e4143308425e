import ArgumentParser
import Foundation
import LeggioStore
import LeggioSync

/// `leggio sync [init REMOTE | status | merge-driver]`: one library on every machine.
struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Sync the library through git (or a Syncthing folder).",
    discussion: """
      `leggio sync init REMOTE` once on each machine, then `leggio sync` whenever you like:
      it exports what changed, commits, fetches, merges, imports and pushes.
      """,
    subcommands: [
      SyncNowCommand.self, SyncInitCommand.self, SyncStatusCommand.self,
      SyncMergeDriverCommand.self,
    ],
    defaultSubcommand: SyncNowCommand.self)
}

/// `--library PATH` and `--mirror DIR`, shared by the sync commands.
struct SyncOptions: ParsableArguments {
  @OptionGroup var options: LibraryOptions

  @Option(
    help: ArgumentHelp(
      "The mirror folder (default: beside the library, library-sync/).", valueName: "dir"))
  var mirror: String?

  func engine() throws -> SyncEngine {
    let library = try options.open()
    let folder =
      mirror.map { URL(fileURLWithPath: $0) }
      ?? SyncEngine.mirror(of: library, libraryPath: options.path)
    return SyncEngine(library: library, mirror: folder, mergeDriver: Self.mergeDriverCommand)
  }

  /// This binary as git's merge driver for the mirror's records.
  static var mergeDriverCommand: String {
    let binary =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    return "'\(binary.replacingOccurrences(of: "'", with: "'\\''"))' sync merge-driver %O %A %B"
  }
}

/// Prints a sync's outcome; an unreachable remote is one line on stderr and a failure.
private func finish(_ report: SyncReport) throws {
  for reason in report.skipped.prefix(5) { Console.error("not yet imported: \(reason)") }
  Console.out(report.summary.terminalSafe())
  if let offline = report.offline {
    Console.error(offline)
    throw ExitCode.failure
  }
}

struct SyncNowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "now", abstract: "Export, commit, fetch, merge, import and push (the default).")

  @OptionGroup var sync: SyncOptions

  func run() throws {
    try reportingErrors { try finish(try sync.engine().sync()) }
  }
}

struct SyncInitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Set sync up: clone REMOTE (or create it, for a path), then sync once.",
    discussion: """
      REMOTE is anything git can push to: user@host:path.git, a path, a forge's URL.
      Without REMOTE the mirror is a plain folder for Syncthing (see --mirror).
      """)

  @OptionGroup var sync: SyncOptions
  @Argument(help: "The git remote.") var remote: String?

  func run() throws {
    try reportingErrors { try finish(try sync.engine().initialize(remote: remote)) }
  }
}

struct SyncStatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status", abstract: "What a sync would move, the last sync and the remote.")

  @OptionGroup var sync: SyncOptions

  func run() throws {
    try reportingErrors {
      let status = try sync.engine().status()
      Console.out("mirror: \(status.mirror)".terminalSafe())
      Console.out("remote: \(status.remote ?? "none (a folder for Syncthing)")".terminalSafe())
      let last = status.lastSync.map { ISO8601DateFormatter().string(from: $0) } ?? "never"
      Console.out("last sync: \(last)")
      Console.out("changes waiting: \(status.pendingRecords) records")
      Console.out(
        "commits to push: \(status.unpushedCommits); fetched, not merged: \(status.unmergedCommits)"
      )
    }
  }
}

/// Git's merge driver: `%O %A %B`; writes the merged record to `%A`.
struct SyncMergeDriverCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge-driver", abstract: "Merge two copies of a mirror record (run by git).",
    shouldDisplay: false)

  @Argument var base: String
  @Argument var ours: String
  @Argument var theirs: String

  func run() throws {
    let mine = (try? Data(contentsOf: URL(fileURLWithPath: ours))) ?? Data()
    let other = (try? Data(contentsOf: URL(fileURLWithPath: theirs))) ?? Data()
    guard let merged = RecordMerge.merge(mine, other) else { throw ExitCode.failure }
    try merged.write(to: URL(fileURLWithPath: ours))
  }
}
