import Foundation
import GRDB

/// Where another device reached in an article, as sync brought it.
public struct ReadingElsewhere: Hashable, Sendable {
  public var device: String
  /// The device's name (its host name) when sync brought one.
  public var deviceName: String?
  public var offset: Int
  public var progress: Double
  public var readAt: Date

  public init(
    device: String, deviceName: String? = nil, offset: Int, progress: Double, readAt: Date
  ) {
    self.device = device
    self.deviceName = deviceName
    self.offset = offset
    self.progress = progress
    self.readAt = readAt
  }
}

extension Library {
  /// The newest reading position another device recorded for article `id` after this
  /// device's own (or when this device never opened it) and at another place: what the
  /// reader offers ("continue where you read on DEVICE") instead of jumping there itself.
  public func readingElsewhere(articleID id: Int64) throws -> ReadingElsewhere? {
    try writer.read { db in
      guard
        let uuid = try String.fetchOne(
          db, sql: "SELECT uuid FROM article WHERE id = ?", arguments: [id])
      else { return nil }
      let own = try Row.fetchOne(
        db,
        sql:
          "SELECT \"offset\", updatedAt FROM reading_position WHERE articleUUID = ? AND device = ?",
        arguments: [uuid, deviceID])
      guard
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT p.device, p."offset", p.progress, p.updatedAt, d.name FROM reading_position p
            LEFT JOIN sync_device d ON d.device = p.device
            WHERE p.articleUUID = ? AND p.device != ? ORDER BY p.updatedAt DESC LIMIT 1
            """, arguments: [uuid, deviceID])
      else { return nil }
      let other = ReadingElsewhere(
        device: row["device"], deviceName: row["name"], offset: row["offset"],
        progress: row["progress"], readAt: row["updatedAt"])
      if let own {
        guard other.readAt > (own["updatedAt"] as Date), other.offset != own["offset"] as Int
        else { return nil }
      }
      return other
    }
  }
}
