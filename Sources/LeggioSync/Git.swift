import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The git command line on one working tree. Git never asks anything: no terminal
/// prompts, ssh in batch mode with a short connect timeout, messages in English.
package struct Git: Sendable {
  package struct Output: Sendable {
    package var status: Int32
    package var stdout: String
    package var stderr: String

    /// The first line of stderr that says something, for one-line errors.
    package var reason: String {
      let lines = stderr.split(whereSeparator: \.isNewline).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      return lines.first { $0.hasPrefix("fatal:") || $0.hasPrefix("error:") }
        .map { String($0.drop { $0 != ":" }.dropFirst()).trimmingCharacters(in: .whitespaces) }
        ?? lines.last ?? "exit status \(status)"
    }

    /// Git failed because another git held or moved a ref of the same repository.
    package var refIsBusy: Bool {
      stderr.contains("cannot lock ref") || stderr.contains(".lock': File exists")
    }
  }

  package let directory: URL
  /// This device's id, for the commits' author.
  package let device: String

  package init(directory: URL, device: String) {
    self.directory = directory
    self.device = device
  }

  /// Runs `git ARGS`; returns its output whatever its status.
  @discardableResult
  package func run(_ arguments: [String], in directory: URL? = nil) throws -> Output {
    guard let executable = Self.executable else { throw SyncError.gitMissing }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments =
      [
        "-c", "user.name=Leggio", "-c", "user.email=leggio@\(device)",
        "-c", "core.quotepath=false", "-c", "commit.gpgsign=false",
        // One fsync for all the objects of a commit rather than one per file.
        "-c", "core.fsyncMethod=batch",
      ] + arguments
    process.currentDirectoryURL = directory ?? self.directory
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_TERMINAL_PROMPT"] = "0"
    environment["LC_ALL"] = "C"
    environment["GIT_SSH_COMMAND"] =
      environment["GIT_SSH_COMMAND"] ?? "ssh -o BatchMode=yes -o ConnectTimeout=10"
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes at once so that a full one never blocks git.
    nonisolated(unsafe) var errorData = Data()
    let errorRead = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      errorData = err.fileHandleForReading.readDataToEndOfFile()
      errorRead.signal()
    }
    let outputData = out.fileHandleForReading.readDataToEndOfFile()
    errorRead.wait()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
      stderr: String(decoding: errorData, as: UTF8.self))
  }

  /// Runs `git ARGS`, again while another git moves this mirror's refs: a sync killed
  /// mid-way leaves its `git fetch` or `push` running for a moment after it, and git
  /// refuses a ref that changed under it ("cannot lock ref ... but expected ...").
  package func runWaitingForRefs(_ arguments: [String]) throws -> Output {
    var output = try run(arguments)
    for _ in 0..<20 where output.status != 0 && output.refIsBusy {
      usleep(250_000)
      output = try run(arguments)
    }
    return output
  }

  /// Runs `git ARGS` and returns stdout, or throws with git's own reason.
  @discardableResult
  package func check(_ arguments: [String], in directory: URL? = nil) throws -> String {
    let output = try run(arguments, in: directory)
    guard output.status == 0 else {
      throw SyncError.git(command: arguments.first ?? "", reason: output.reason)
    }
    return output.stdout
  }

  /// The commit `revision` names, nil when it does not exist.
  package func commit(_ revision: String) throws -> String? {
    let output = try run(["rev-parse", "--verify", "--quiet", revision + "^{commit}"])
    guard output.status == 0 else { return nil }
    return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The local branch's and the remote's last fetched commit (`main`, `origin/main`),
  /// nil where there is none yet, in one git run.
  package struct Heads: Equatable, Sendable {
    package var local: String?
    package var remote: String?
  }

  package func heads(branch: String = "main") throws -> Heads {
    let lines = try check([
      "for-each-ref", "--format=%(refname) %(objectname)", "refs/heads/" + branch,
      "refs/remotes/origin/" + branch,
    ]).split(whereSeparator: \.isNewline)
    var heads = Heads()
    for line in lines {
      let parts = line.split(separator: " ")
      guard parts.count == 2 else { continue }
      if parts[0] == "refs/heads/" + branch { heads.local = String(parts[1]) }
      if parts[0] == "refs/remotes/origin/" + branch { heads.remote = String(parts[1]) }
    }
    return heads
  }

  /// The repository's settings Leggio reads (`remote.origin.url`, `merge.leggio.driver`),
  /// in one git run.
  package func settings() throws -> [String: String] {
    let output = try run([
      "config", "--get-regexp", #"^(remote\.origin\.url|merge\.leggio\.driver)$"#,
    ])
    var settings: [String: String] = [:]
    for line in output.stdout.split(whereSeparator: \.isNewline) {
      guard let space = line.firstIndex(of: " ") else { continue }
      settings[String(line[..<space])] = String(line[line.index(after: space)...])
    }
    return settings
  }

  /// Whether `directory` is inside a git working tree of its own.
  package var isRepository: Bool {
    FileManager.default.fileExists(atPath: directory.appendingPathComponent(".git").path)
  }

  /// The paths that differ between two commits, relative to the working tree.
  package func changedPaths(from old: String, to new: String) throws -> [String] {
    try check(["diff", "--name-only", "-z", "--no-renames", old, new])
      .split(separator: "\0").map(String.init)
  }

  /// The first `git` on `PATH`.
  static let executable: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/git"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }()
}
