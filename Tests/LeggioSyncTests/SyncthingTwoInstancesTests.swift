import Foundation
import Testing

@testable import LeggioStore
@testable import LeggioSync

/// Two real Syncthing instances on 127.0.0.1 (discovery, relays and NAT off) carry one
/// mirror folder between two libraries; a conflict made while one side is paused is folded.
@Suite(.serialized) struct SyncthingTwoInstancesTests {
  /// One `syncthing serve`, configured through its REST API with `curl`.
  final class Instance {
    let home: URL
    let folder: URL
    let gui: Int
    let listen: Int
    let key = UUID().uuidString
    var id = ""
    var process: Process?

    init(_ root: URL, _ name: String) throws {
      home = root.appendingPathComponent("st-" + name)
      folder = root.appendingPathComponent("folder-" + name)
      gui = try freePort()
      listen = try freePort()
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let output = try run(
        "syncthing",
        ["generate", "--home=\(home.path)", "--no-default-folder", "--skip-port-probing"])
      id =
        output.split(whereSeparator: \.isNewline).first { $0.contains("Device ID:") }
        .map { String($0.split(separator: " ").last ?? "") } ?? ""
    }

    func start() throws {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = [
        "syncthing", "serve", "--home=\(home.path)", "--no-browser", "--no-restart",
        "--gui-address=127.0.0.1:\(gui)", "--gui-apikey=\(key)",
        "--logfile=\(home.path)/log",
      ]
      process.environment = ProcessInfo.processInfo.environment.merging(
        ["STNOUPGRADE": "1"]) { $1 }
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      self.process = process
      for _ in 0..<100 {
        if (try? rest("GET", "/rest/system/ping")).map({ $0.contains("pong") }) == true { return }
        Thread.sleep(forTimeInterval: 0.1)
      }
    }

    func stop() {
      process?.terminate()
      process?.waitUntilExit()
    }

    @discardableResult
    func rest(_ method: String, _ path: String, _ body: String? = nil) throws -> String {
      var arguments = ["-s", "-X", method, "-H", "X-API-Key: \(key)"]
      if let body { arguments += ["-d", body] }
      return try run("curl", arguments + ["http://127.0.0.1:\(gui)\(path)"])
    }

    /// Shares the folder with `other`, everything local-only.
    func share(with other: Instance) throws {
      try rest(
        "PATCH", "/rest/config/options",
        """
        {"globalAnnounceEnabled": false, "localAnnounceEnabled": false, "relaysEnabled": false,
         "natEnabled": false, "listenAddresses": ["tcp://127.0.0.1:\(listen)"],
         "urAccepted": -1, "crashReportingEnabled": false, "autoUpgradeIntervalH": 0}
        """)
      try rest(
        "PUT", "/rest/config/devices/\(other.id)",
        #"{"deviceID": "\#(other.id)", "addresses": ["tcp://127.0.0.1:\#(other.listen)"]}"#)
      try rest(
        "PUT", "/rest/config/folders/leggio",
        """
        {"id": "leggio", "path": "\(folder.path)", "type": "sendreceive", "rescanIntervalS": 1,
         "fsWatcherEnabled": false, "devices": [{"deviceID": "\(id)"}, {"deviceID": "\(other.id)"}]}
        """)
    }

    func rescan() throws { try rest("POST", "/rest/db/scan?folder=leggio") }
  }

  @Test func twoSyncthingInstancesCarryTheMirrorAndAConflictIsFolded() throws {
    let world = try SyncWorld()
    defer { world.remove() }
    let stA = try Instance(world.root, "a")
    let stB = try Instance(world.root, "b")
    try stA.start()
    try stB.start()
    defer {
      stA.stop()
      stB.stop()
    }
    try stA.share(with: stB)
    try stB.share(with: stA)
    let a = try SyncHome(
      world.root, "a", device: "0190aaaa-0000-7000-8000-00000000000a", mirror: stA.folder)
    let b = try SyncHome(
      world.root, "b", device: "0190bbbb-0000-7000-8000-00000000000b", mirror: stB.folder)
    let id = try a.add("Via Syncthing", ["Un testo portato da una cartella condivisa."])
    let note = try a.library.annotations.annotate(try a.article(id), quote: "testo", note: "prima")
    _ = try a.engine.initialize(remote: nil)
    let path = MirrorLayout.annotation(uuid: note.uuid)
    try waitUntil(stA, stB) {
      FileManager.default.fileExists(atPath: stB.folder.appendingPathComponent(path).path)
    }
    try waitUntil(stA, stB) { (try? b.engine.sync()) != nil && (try? b.notes()) == ["prima"] }
    // A conflict: B paused on A's side, the note edited on both, B's edit later.
    try stA.rest("POST", "/rest/system/pause?device=\(stB.id)")
    let base = Date()
    try a.library.annotations.editNote(note.uuid, note: "di A", now: base.addingTimeInterval(1))
    try b.library.annotations.editNote(note.uuid, note: "di B", now: base.addingTimeInterval(2))
    _ = try a.engine.sync()
    _ = try b.engine.sync()
    try stA.rescan()
    try stB.rescan()
    Thread.sleep(forTimeInterval: 1.5)
    try stA.rest("POST", "/rest/system/resume?device=\(stB.id)")
    var folded = 0
    try waitUntil(stA, stB) {
      folded += ((try? a.engine.sync())?.folded ?? 0) + ((try? b.engine.sync())?.folded ?? 0)
      return (try? a.notes()) == ["di B"] && (try? b.notes()) == ["di B"]
        && !conflictCopies(stA.folder) && !conflictCopies(stB.folder)
    }
    #expect(try a.notes() == ["di B"])
    #expect(try b.notes() == ["di B"])
    #expect(folded >= 1, "Syncthing made no conflict copy; the test proved less than it should")
  }

  /// Rescans both and polls `done` for up to a minute.
  func waitUntil(_ x: Instance, _ y: Instance, _ done: () -> Bool) throws {
    for _ in 0..<120 {
      if done() { return }
      try x.rescan()
      try y.rescan()
      Thread.sleep(forTimeInterval: 0.5)
    }
    Issue.record("Syncthing did not converge within a minute")
  }
}

private func conflictCopies(_ folder: URL) -> Bool {
  mirrorFiles(folder).keys.contains { $0.contains(".sync-conflict-") }
}

/// Runs a command to the end and returns its stdout and stderr.
@discardableResult
private func run(_ command: String, _ arguments: [String]) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = [command] + arguments
  let output = Pipe()
  process.standardOutput = output
  process.standardError = output
  try process.run()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return String(decoding: data, as: UTF8.self)
}

/// A TCP port nothing listens on now.
func freePort() throws -> Int {
  let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  defer { close(descriptor) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  _ = withUnsafeMutablePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      bind(descriptor, $0, length)
      return getsockname(descriptor, $0, &length)
    }
  }
  return Int(UInt16(bigEndian: address.sin_port))
}
