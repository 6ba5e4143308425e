import Foundation
import Testing

@testable import LeggioSync

@Suite struct RecordMergeTests {
  func record(_ fields: [String: JSONValue]) throws -> Data {
    try CanonicalJSON.encode(JSONValue.object(fields))
  }

  @Test func theNewerEditWinsWhole() throws {
    let old = try record([
      "note": .string("old"), "updatedAt": .integer(10), "device": .string("b"),
    ])
    let new = try record([
      "note": .string("new"), "updatedAt": .integer(20), "device": .string("a"),
    ])
    #expect(RecordMerge.merge(old, new) == new)
    #expect(RecordMerge.merge(new, old) == new)
  }

  @Test func equalTimesAreSettledByTheDeviceSoBothSidesAgree() throws {
    let x = try record(["note": .string("x"), "updatedAt": .integer(10), "device": .string("a")])
    let y = try record(["note": .string("y"), "updatedAt": .integer(10), "device": .string("b")])
    #expect(RecordMerge.merge(x, y) == RecordMerge.merge(y, x))
    #expect(RecordMerge.merge(x, y) == y)
  }

  @Test func anArticlesVersionsAreUnitedWhicheverSideWins() throws {
    func version(_ body: String, _ time: Int64) -> JSONValue {
      .object(["body": .string(body), "createdAt": .integer(time), "textHash": .string(body)])
    }
    let mine = try record([
      "title": .string("A"), "updatedAt": .integer(5), "device": .string("a"),
      "versions": .array([version("v1", 1), version("va", 3)]),
    ])
    let theirs = try record([
      "title": .string("B"), "updatedAt": .integer(6), "device": .string("b"),
      "versions": .array([version("v1", 1), version("vb", 2)]),
    ])
    let merged = try JSONDecoder().decode(
      JSONValue.self, from: #require(RecordMerge.merge(mine, theirs)))
    #expect(merged["title"] == .string("B"))
    #expect(merged["versions"] == .array([version("v1", 1), version("vb", 2), version("va", 3)]))
  }

  @Test func aSyncthingConflictCopyNameLeadsBackToItsRecord() {
    #expect(
      ConflictFolding.originalName(
        of: "annotations/ab/x.sync-conflict-20240102-030405-ABCDEFG.json")
        == "annotations/ab/x.json")
    #expect(ConflictFolding.originalName(of: "annotations/ab/x.json") == nil)
  }
}
