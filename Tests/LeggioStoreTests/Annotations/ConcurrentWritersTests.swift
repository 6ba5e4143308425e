import Foundation
import GRDB
import Testing

@testable import LeggioStore
import LeggioTestSupport

/// Two Leggio processes on one library: each opens its own pool on the same file.
@Suite struct ConcurrentWritersTests {
  typealias DB = AnnotationTestDatabase
  static let text = "Vladimir Putin e Kim Jong-un. La «storia d'amore» tra i due leader va bene."
  static let writes = 60

  /// Adds `count` annotations named `writer-N`, editing and recolouring every other one.
  static func write(_ count: Int, as writer: String, to store: AnnotationStore) throws {
    let words = ["Putin", "Kim Jong-un", "storia", "leader", "bene"]
    for index in 0..<count {
      var annotation = try DB.highlight(words[index % words.count], in: text, article: "article-a")
      annotation.name = "\(writer)-\(index)"
      let saved = try store.add(annotation)
      if index.isMultiple(of: 2) {
        try store.editNote(saved.uuid, note: "nota \(writer) \(index)")
        try store.recolor(saved.uuid, to: AnnotationColor.checked(index % 5 + 1))
      }
    }
  }

  /// Every writer's annotations are all there, with their edits, and SQLite finds the
  /// file sound.
  static func expectComplete(_ pool: DatabasePool, writers: [String]) throws {
    let store = AnnotationStore(pool)
    let all = try store.annotations()
    #expect(all.count == writes * writers.count)
    #expect(Set(all.map(\.uuid)).count == all.count)
    for writer in writers {
      let mine = all.filter { $0.name?.hasPrefix("\(writer)-") == true }
      #expect(mine.count == writes)
      #expect(mine.filter { $0.kind == .note }.count == writes / 2)
    }
    #expect(
      try store.annotations(AnnotationFilter(search: "nota")).count == writes / 2 * writers.count)
    let integrity = try pool.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
    #expect(integrity == "ok")
  }

  @Test func twoPoolsWritingAtOnceKeepEveryAnnotation() async throws {
    let directory = try DB.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("library.sqlite").path
    let first = try DB.pool(at: path)
    try DB.addArticles(["article-a"], to: first)
    let second = try DB.pool(at: path)
    let stores = [AnnotationStore(first), AnnotationStore(second)]
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (index, store) in stores.enumerated() {
        group.addTask { try Self.write(Self.writes, as: "pool\(index)", to: store) }
      }
      try await group.waitForAll()
    }
    try Self.expectComplete(first, writers: ["pool0", "pool1"])
  }

  /// The test binary run again as a second process: see `WriterProcessHelper`.
  @Test(.enabled(if: WriterProcessHelper.canSpawn))
  func twoProcessesWritingAtOnceKeepEveryAnnotation() async throws {
    let directory = try DB.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("library.sqlite").path
    let pool = try DB.pool(at: path)
    try DB.addArticles(["article-a"], to: pool)
    let names = ["process0", "process1"]
    let others = try names.map { try WriterProcessHelper.spawn(database: path, name: $0) }
    // Start together: each child says it is ready, then waits for the go.
    for name in names {
      #expect(WriterProcessHelper.waitForFile(WriterProcessHelper.readyPath(path, name)))
    }
    _ = FileManager.default.createFile(atPath: WriterProcessHelper.goPath(path), contents: nil)
    try Self.write(Self.writes, as: "parent", to: AnnotationStore(pool))
    for (process, name) in zip(others, names) {
      process.waitUntilExit()
      let log = (try? String(contentsOfFile: path + ".\(name).log", encoding: .utf8)) ?? ""
      #expect(process.terminationStatus == 0, "\(name) failed:\n\(log)")
    }
    try Self.expectComplete(pool, writers: ["parent", "process0", "process1"])
  }
}

/// Runs in a child process started by `twoProcessesWritingAtOnceKeepEveryAnnotation`
/// (skipped otherwise): it writes to the database the parent named.
@Suite struct WriterProcessHelper {
  static let databaseVariable = "LEGGIO_TEST_WRITER_DATABASE"
  static let nameVariable = "LEGGIO_TEST_WRITER_NAME"
  static let environment = ProcessInfo.processInfo.environment

  static var isChild: Bool { environment[databaseVariable] != nil }
  static var canSpawn: Bool {
    #if os(Linux)
      return !isChild && FileManager.default.isExecutableFile(atPath: "/proc/self/exe")
    #else
      return false
    #endif
  }

  static func spawn(database: String, name: String) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    process.arguments = [
      "--testing-library", "swift-testing", "--filter", "writeAsAChildProcess",
    ]
    var environment = ProcessInfo.processInfo.environment
    environment[databaseVariable] = database
    environment[nameVariable] = name
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    let log = database + ".\(name).log"
    _ = FileManager.default.createFile(atPath: log, contents: nil)
    process.standardError = FileHandle(forWritingAtPath: log)
    try process.run()
    return process
  }

  static func readyPath(_ database: String, _ name: String) -> String {
    database + ".\(name).ready"
  }
  static func goPath(_ database: String) -> String { database + ".go" }

  /// Waits for a file to appear, for at most a minute; false if it never does.
  static func waitForFile(_ path: String) -> Bool {
    for _ in 0..<6000 {
      if FileManager.default.fileExists(atPath: path) { return true }
      usleep(10_000)
    }
    return false
  }

  @Test(.enabled(if: isChild)) func writeAsAChildProcess() throws {
    let database = Self.environment[Self.databaseVariable]!
    let name = Self.environment[Self.nameVariable]!
    let pool = try AnnotationTestDatabase.pool(at: database)
    _ = FileManager.default.createFile(atPath: Self.readyPath(database, name), contents: nil)
    #expect(Self.waitForFile(Self.goPath(database)))
    try ConcurrentWritersTests.write(
      ConcurrentWritersTests.writes, as: name, to: AnnotationStore(pool))
  }
}
