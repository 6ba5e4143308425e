import Foundation
import Testing
import LeggioTestSupport

/// Runs the built `leggio` binary against a library in a fresh temporary directory.
final class CLIHarness {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutLines: [String] {
      stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
  }

  /// The package root, found from this file.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let binary = packageRoot.appendingPathComponent(".build/debug/leggio")
  static let referenceArticle = packageRoot.appendingPathComponent(
    "../shared/samples/cdt-putin-kim.txt"
  ).standardizedFileURL.path

  let directory: URL
  var libraryPath: String { directory.appendingPathComponent("library.sqlite").path }

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "leggio-cli-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: directory) }

  /// The environment of every run: no user library, state and home inside the temp dir.
  var environment: [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["LEGGIO_LIBRARY"] = nil
    environment["COLUMNS"] = nil
    environment["HOME"] = directory.path
    environment["XDG_STATE_HOME"] = directory.appendingPathComponent("state").path
    environment["XDG_DATA_HOME"] = directory.appendingPathComponent("data").path
    return environment
  }

  /// A process for `leggio ARGS --library <temp library>` (not started).
  func process(_ arguments: [String], library: Bool = true) -> Process {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments + (library ? ["--library", libraryPath] : [])
    process.environment = environment
    process.currentDirectoryURL = directory
    return process
  }

  /// Runs leggio to the end and collects its output.
  @discardableResult
  func run(_ arguments: String..., stdin: Data? = nil) throws -> Result {
    try run(arguments, stdin: stdin)
  }

  /// Runs leggio to the end and collects its output (written to files, so nothing blocks).
  @discardableResult
  func run(
    _ arguments: [String], stdin: Data? = nil, extraEnvironment: [String: String] = [:],
    library: Bool = true
  ) throws -> Result {
    let process = process(arguments, library: library)
    process.environment?.merge(extraEnvironment) { $1 }
    let output = try OutputFiles(in: directory, for: process)
    defer { output.remove() }
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    return try output.result(status: process.terminationStatus)
  }

  /// Runs leggio to the end without blocking a thread of the test's executor, so a server
  /// running in the test process keeps answering the binary's requests.
  func runAsync(_ arguments: [String], extraEnvironment: [String: String] = [:]) async throws
    -> Result
  {
    let process = process(arguments)
    process.environment?.merge(extraEnvironment) { $1 }
    let output = try OutputFiles(in: directory, for: process)
    defer { output.remove() }
    process.standardInput = FileHandle.nullDevice
    let status = try await withCheckedThrowingContinuation {
      (continuation: CheckedContinuation<Int32, any Error>) in
      process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
      do { try process.run() } catch { continuation.resume(throwing: error) }
    }
    return try output.result(status: status)
  }

  /// `leggio list --json ...`, parsed.
  func listJSON(_ extra: String...) throws -> [[String: Any]] {
    let result = try run(["list", "--json"] + extra)
    #expect(result.status == 0, "list failed: \(result.stderr)")
    let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    return try #require(parsed as? [[String: Any]])
  }

  /// `leggio list --json` as text, to compare the library before and after.
  func snapshot() throws -> String {
    try run("list", "--json").stdout
  }

  /// Writes `contents` to a file in the temp directory and returns its path.
  @discardableResult
  func write(_ name: String, _ contents: String) throws -> String {
    try write(name, Data(contents.utf8))
  }

  @discardableResult
  func write(_ name: String, _ data: Data) throws -> String {
    let url = directory.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
    return url.path
  }
}

/// The files a run of leggio writes its output to (files, not pipes, so nothing blocks).
struct OutputFiles {
  let out: URL
  let err: URL

  init(in directory: URL, for process: Process) throws {
    out = directory.appendingPathComponent("out-\(UUID().uuidString)")
    err = directory.appendingPathComponent("err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
  }

  func result(status: Int32) throws -> CLIHarness.Result {
    CLIHarness.Result(
      status: status,
      stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
  }

  func remove() {
    try? FileManager.default.removeItem(at: out)
    try? FileManager.default.removeItem(at: err)
  }
}
