import Foundation
import Testing

@testable import LeggioModel
@testable import LeggioStore
import LeggioTestSupport

@Suite struct LibraryFileTests {
  @Test func theDefaultPathFollowsTheEnvironmentThenXDGThenHome() {
    #expect(
      Library.defaultPath(environment: ["LEGGIO_LIBRARY": "/x/l.sqlite", "HOME": "/h"])
        == "/x/l.sqlite")
    #expect(
      Library.defaultPath(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"])
        == "/d/leggio/library.sqlite")
    #expect(
      Library.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/leggio/library.sqlite")
  }

  @Test func openingCreatesParentDirectoriesAndKeepsTheDeviceId() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.path + "/deep/er/library.sqlite"
    let environment = ["XDG_STATE_HOME": dir.path + "/state", "HOME": dir.path]
    let first = Library.deviceID(besideLibraryAt: path, environment: environment)
    let library = try Library(path: path, deviceID: first)
    try library.add(imported("Uno", ["Testo."]))
    #expect(FileManager.default.fileExists(atPath: path))
    #expect(Library.deviceID(besideLibraryAt: path, environment: environment) == first)
  }

  @Test func readingPositionsArePerDevice() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.path + "/library.sqlite"
    let laptop = try Library(path: path, deviceID: UUIDv7.string())
    let desktop = try Library(path: path, deviceID: UUIDv7.string())
    let id = try laptop.add(imported("Uno", ["Testo abbastanza lungo."])).id
    try laptop.saveReadingPosition(articleID: id, offset: 12, progress: 0.5)
    #expect(try desktop.article(id: id)?.readingOffset == nil)
    try desktop.saveReadingPosition(articleID: id, offset: 3, progress: 0.1)
    #expect(try laptop.article(id: id)?.readingOffset == 12)
    #expect(try desktop.article(id: id)?.readingOffset == 3)
  }

  @Test func twoLibrariesOnOneFileImportAtTheSameTime() async throws {
    // Given two Library instances on the same file
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.path + "/library.sqlite"
    let libraries = [
      try Library(path: path, deviceID: "a"), try Library(path: path, deviceID: "b"),
    ]
    // When both import 50 articles concurrently
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (index, library) in libraries.enumerated() {
        group.addTask {
          for n in 0..<50 {
            try library.add(imported("Articolo \(index)-\(n)", ["Testo \(index) \(n) guerra."]))
          }
        }
      }
      try await group.waitForAll()
    }
    // Then every article is stored once, whole, and both see all of them
    #expect(try libraries[0].count(ArticleQuery()) == 100)
    #expect(try libraries[1].count(ArticleQuery(search: "guerra")) == 100)
    #expect(try libraries[1].integrityProblems().isEmpty)
  }

  @Test func severalOpenersOfANewLibraryAllSucceed() async throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.path + "/new/library.sqlite"
    let counts = try await withThrowingTaskGroup(of: Int.self) { group in
      for n in 0..<4 {
        group.addTask {
          let library = try Library(path: path, deviceID: "device-\(n)")
          try library.add(imported("Da \(n)", ["Testo \(n)."]))
          return try library.counts().total
        }
      }
      return try await group.reduce(into: [Int]()) { $0.append($1) }
    }
    #expect(counts.count == 4)
    #expect(try Library(path: path, deviceID: "x").counts().total == 4)
  }
}
