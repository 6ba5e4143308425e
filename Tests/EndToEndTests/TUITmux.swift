import Foundation
import Testing
import LeggioTestSupport

/// The real `leggio` in a detached tmux session on its own socket, driven like a person
/// at the keyboard (the way `../shared/tools/tui` does).
final class TUITmux {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Whether tmux can be run here.
  static let isAvailable: Bool = {
    (try? run("/usr/bin/env", ["tmux", "-V"]).status) == 0
  }()

  /// The release binary if it was built after the last change to the sources (as
  /// `.ci/run` builds it), else the debug one `swift test` has just built: a release
  /// binary left from an older checkout would test old code.
  static let binary: URL = {
    let release = packageRoot.appendingPathComponent(".build/release/leggio")
    let debug = packageRoot.appendingPathComponent(".build/debug/leggio")
    guard FileManager.default.isExecutableFile(atPath: release.path),
      let built = modificationDate(release), built >= newestSourceChange()
    else { return debug }
    return release
  }()

  private static func modificationDate(_ url: URL) -> Date? {
    (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
  }

  /// When a file under `Sources/` last changed.
  private static func newestSourceChange() -> Date {
    let sources = packageRoot.appendingPathComponent("Sources")
    let files = FileManager.default.enumerator(
      at: sources, includingPropertiesForKeys: [.contentModificationDateKey])
    var newest = Date.distantPast
    while let file = files?.nextObject() as? URL {
      if let date = modificationDate(file), date > newest { newest = date }
    }
    return newest
  }

  static func shared(_ path: String) -> String {
    packageRoot.appendingPathComponent("../shared").appendingPathComponent(path).standardized.path
  }

  let socket = "leggio-e2e-\(UUID().uuidString.prefix(8))"
  let statusFile = FileManager.default.temporaryDirectory
    .appendingPathComponent("leggio-e2e-\(UUID().uuidString).status")
  let session = "leggio"

  /// Starts `leggio` with `arguments` at `width` x `height`, with `environment` added;
  /// with `recording`, under `script`, which keeps every byte leggio writes in that file.
  func start(
    width: Int, height: Int, environment: [String: String], arguments: [String] = [],
    recording: URL? = nil
  ) throws {
    let variables = (["TERM": "xterm-256color"].merging(environment) { $1 })
      .map { "\($0.key)=\(Self.quote($0.value))" }.sorted().joined(separator: " ")
    var program =
      Self.quote(Self.binary.path) + " " + arguments.map(Self.quote).joined(separator: " ")
    if let recording {
      program = "script -qfec \(Self.quote(program)) \(Self.quote(recording.path))"
    }
    // The shell records the exit status in a file: tmux sometimes marks the pane dead
    // without a status when the program's end and its output's end race.
    let command =
      "env \(variables) \(program)" + "; echo $? > \(Self.quote(statusFile.path))"
    try tmux([
      "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
      command,
    ])
    try tmux(["set-option", "-t", session, "remain-on-exit", "on"])
  }

  /// Sends tmux key names (`Enter`, `Space`, `q`...).
  func keys(_ keys: String...) throws {
    try tmux(["send-keys", "-t", session] + keys)
  }

  /// Types `text` literally.
  func type(_ text: String) throws {
    try tmux(["send-keys", "-t", session, "-l", text])
  }

  func screen() throws -> String {
    try tmux(["capture-pane", "-p", "-t", session])
  }

  /// Waits until `text` is on screen (up to `seconds`) and returns the screen; records
  /// an issue showing the screen when it does not appear.
  @discardableResult
  func wait(
    for text: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let end = Date().addingTimeInterval(seconds)
    var shown = ""
    while Date() < end {
      shown = try screen()
      if shown.contains(text) { return shown }
      Thread.sleep(forTimeInterval: 0.03)
    }
    Issue.record(
      "“\(text)” did not appear; the screen is:\n\(shown)", sourceLocation: sourceLocation)
    return shown
  }

  /// Waits until the status line is redrawn `width` cells wide (tmux trims the last
  /// blank) and shows `text`: the screen after a resize, not the one before it.
  @discardableResult
  func wait(
    forStatus text: String, width: Int, seconds: Double = 10,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let end = Date().addingTimeInterval(seconds)
    var shown = ""
    while Date() < end {
      shown = try screen()
      let lines = shown.split(separator: "\n", omittingEmptySubsequences: false)
      if lines.contains(where: { $0.contains(text) && $0.count == width - 1 }) { return shown }
      Thread.sleep(forTimeInterval: 0.03)
    }
    Issue.record(
      "a \(width)-cell status line with “\(text)” did not appear; the screen is:\n\(shown)",
      sourceLocation: sourceLocation)
    return shown
  }

  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
  }

  /// The exit status once the program has ended (nil while it runs), waiting up to `seconds`.
  func exitStatus(waiting seconds: Double = 10) throws -> Int? {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
      if let text = try? String(contentsOf: statusFile, encoding: .utf8),
        let status = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return status
      }
      Thread.sleep(forTimeInterval: 0.03)
    }
    return nil
  }

  /// Whether the pane is on the alternate screen (ncurses has not given it back).
  func isOnAlternateScreen() throws -> Bool {
    try tmux(["display-message", "-p", "-t", session, "#{alternate_on}"])
      .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
  }

  /// The program's process id (the child of the pane's shell).
  func pid() throws -> Int32 {
    let shell = try tmux(["display-message", "-p", "-t", session, "#{pane_pid}"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let children = try String(
      contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
    return Int32(children.split(separator: " ").first ?? "") ?? 0
  }

  func stop() {
    _ = try? tmux(["kill-server"])
    try? FileManager.default.removeItem(at: statusFile)
  }

  deinit { stop() }

  @discardableResult
  private func tmux(_ arguments: [String]) throws -> String {
    let result = try Self.run("/usr/bin/env", ["tmux", "-L", socket] + arguments)
    return result.output
  }

  /// Runs a program and returns its status and output. `posix_spawn` rather than
  /// `Process`: the tmux server that `new-session` forks keeps every inherited descriptor
  /// open, and the child starts with no signal blocked (the test runner blocks some).
  @discardableResult
  static func run(_ path: String, _ arguments: [String], environment: [String: String] = [:])
    throws -> (status: Int32, output: String)
  {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("leggio-e2e-\(UUID().uuidString).out")
    defer { try? FileManager.default.removeItem(at: file) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
      .map { "\($0.key)=\($0.value)" }
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = variables.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
    guard spawned == 0 else {
      throw CocoaError(.executableLoad, userInfo: [NSFilePathErrorKey: path])
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let data = (try? Data(contentsOf: file)) ?? Data()
    let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return (exit, String(decoding: data, as: UTF8.self))
  }

  private static func quote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
