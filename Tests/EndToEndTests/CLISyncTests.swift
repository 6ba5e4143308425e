import Foundation
import Testing

/// `leggio sync` as people run it: the real binary on two homes (separate libraries, state
/// and data directories, so separate device ids), the real git CLI, a bare repository or
/// `git daemon` on 127.0.0.1 as the remote.
@Suite(.serialized) struct CLISyncTests {
  /// A remote shared by two harnesses, removed at the end.
  final class Remote {
    let directory: URL
    var path: String { directory.appendingPathComponent("remote.git").path }

    init() throws {
      directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "leggio-remote-" + UUID().uuidString)
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
  }

  static func notes(_ cli: CLIHarness) throws -> [String] {
    let result = try cli.run("annotations", "--json")
    let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    return ((parsed as? [[String: Any]]) ?? []).compactMap { $0["note"] as? String }.sorted()
  }

  @Test func twoHomesInitOnceAndSyncCarriesArticlesNotesAndTags() throws {
    let remote = try Remote()
    let a = try CLIHarness()
    let b = try CLIHarness()
    #expect(try a.run("add", CLIHarness.referenceArticle, "--tag", "esteri").status == 0)
    #expect(try a.run("annotate", "1", "--quote", "Putin", "--note", "da A").status == 0)
    let initA = try a.run("sync", "init", remote.path)
    #expect(initA.status == 0, "\(initA.stderr)")
    let initB = try b.run("sync", "init", remote.path)
    #expect(initB.status == 0, "\(initB.stderr)")
    #expect(try Self.notes(b) == ["da A"])
    #expect(try b.listJSON("--tag", "esteri").count == 1)
    // B writes a note; A gets it at its next sync.
    #expect(try b.run("annotate", "1", "--quote", "Kim", "--note", "da B").status == 0)
    #expect(try b.run("sync").status == 0)
    #expect(try a.run("sync").status == 0)
    #expect(try Self.notes(a) == ["da A", "da B"])
    let status = try a.run("sync", "status")
    #expect(status.stdout.contains("remote: \(remote.path)"))
    #expect(status.stdout.contains("changes waiting: 0 records"))
  }

  @Test func anUnreachableRemoteIsOneLineOnStderrAndTheLibraryStaysUsable() throws {
    let remote = try Remote()
    let a = try CLIHarness()
    #expect(try a.run("sync", "init", remote.path).status == 0)
    try FileManager.default.removeItem(atPath: remote.path)
    #expect(try a.run("add", CLIHarness.referenceArticle).status == 0)
    let sync = try a.run("sync")
    #expect(sync.status != 0)
    #expect(sync.stderrLines.count == 1, "\(sync.stderr)")
    #expect(sync.stderr.hasPrefix("leggio: cannot reach \(remote.path)"), "\(sync.stderr)")
    #expect(try a.listJSON().count == 1)
  }

  @Test(arguments: ["sync export: write", "sync commit", "sync import"])
  func aSyncKilledMidWayIsFinishedByTheNextOne(after step: String) throws {
    let remote = try Remote()
    let a = try CLIHarness()
    #expect(try a.run("sync", "init", remote.path).status == 0)
    for n in 0..<60 {
      try a.write("lotto/\(n).txt", "Articolo \(n)\n\nIl testo numero \(n), con parole sue.\n")
    }
    #expect(try a.run("add", a.directory.appendingPathComponent("lotto").path).status == 0)
    // Killed with SIGKILL right after a step
    let process = a.process(["sync"])
    process.environment?["LEGGIO_SYNC_TRACE"] = "1"
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    var seen = ""
    while !seen.contains(step) {
      let chunk = errors.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      seen += String(decoding: chunk, as: UTF8.self)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(seen.contains(step))
    // The next sync finishes the work; a new home receives all of it, once.
    let again = try a.run("sync")
    #expect(again.status == 0, "\(again.stderr)")
    let b = try CLIHarness()
    #expect(try b.run("sync", "init", remote.path).status == 0)
    #expect(try b.listJSON().count == 60)
    #expect(try a.run("sync", "status").stdout.contains("commits to push: 0"))
  }

  @Test func twoHomesSyncOverGitDaemonOnLoopback() throws {
    let remote = try Remote()
    let a = try CLIHarness()
    let b = try CLIHarness()
    // A bare repository served by `git daemon` on a free port of 127.0.0.1.
    let git = Process()
    git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    git.arguments = ["git", "init", "--quiet", "--bare", remote.path]
    try git.run()
    git.waitUntilExit()
    let port = try Self.freePort()
    // git-daemon itself, not the `git daemon` wrapper, so that terminating it ends it.
    let daemon = Process()
    let execPath = Pipe()
    let ask = Process()
    ask.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    ask.arguments = ["git", "--exec-path"]
    ask.standardOutput = execPath
    try ask.run()
    ask.waitUntilExit()
    let gitCore = String(
      decoding: execPath.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    daemon.executableURL = URL(fileURLWithPath: gitCore + "/git-daemon")
    daemon.arguments = [
      "--listen=127.0.0.1", "--port=\(port)", "--reuseaddr", "--export-all",
      "--enable=receive-pack", "--base-path=\(remote.directory.path)", remote.directory.path,
    ]
    daemon.standardError = FileHandle.nullDevice
    try daemon.run()
    defer {
      // SIGKILL: git-daemon does not end on SIGTERM while a child of it is unreaped.
      kill(daemon.processIdentifier, SIGKILL)
      daemon.waitUntilExit()
    }
    let url = "git://127.0.0.1:\(port)/remote.git"
    #expect(try a.run("add", CLIHarness.referenceArticle).status == 0)
    #expect(try a.run("annotate", "1", "--quote", "Putin", "--note", "in rete").status == 0)
    var initA = try a.run("sync", "init", url)
    for _ in 0..<50 where initA.status != 0 {
      // The daemon may not listen yet.
      Thread.sleep(forTimeInterval: 0.1)
      initA = try a.run("sync")
    }
    #expect(initA.status == 0, "\(initA.stderr)")
    let initB = try b.run("sync", "init", url)
    #expect(initB.status == 0, "\(initB.stderr)")
    #expect(try Self.notes(b) == ["in rete"])
  }

  @Test func notesExportedFromOneLibraryImportIntoAnotherHoldingTheSameTextElsewhere() throws {
    let a = try CLIHarness()
    let b = try CLIHarness()
    let text = try String(contentsOfFile: CLIHarness.referenceArticle, encoding: .utf8)
    #expect(try a.run("add", try a.write("qui/articolo.txt", text)).status == 0)
    #expect(try a.run("annotate", "1", "--quote", "Putin", "--note", "uno").status == 0)
    #expect(try a.run("annotate", "1", "--quote", "Kim", "--note", "due").status == 0)
    let file = a.directory.appendingPathComponent("note.json").path
    #expect(try a.run("export", "--format", "json", "--output", file).status == 0)
    #expect(try b.run("add", try b.write("altrove/copia.txt", text)).status == 0)
    let imported = try b.run("import-annotations", file)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("2 added"), "\(imported.stdout)")
    #expect(try Self.notes(b) == ["due", "uno"])
  }

  /// A TCP port nothing listens on now.
  static func freePort() throws -> Int {
    let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socket, $0, length)
        return getsockname(socket, $0, &length)
      }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}
