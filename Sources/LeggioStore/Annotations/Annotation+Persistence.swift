import Foundation
import GRDB
import LeggioModel

extension Annotation: FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "annotation"

  public enum Columns {
    public static let id = Column("id")
    public static let uuid = Column("uuid")
    public static let articleUUID = Column("articleUUID")
    public static let kind = Column("kind")
    public static let startOffset = Column("startOffset")
    public static let endOffset = Column("endOffset")
    public static let quote = Column("quote")
    public static let prefix = Column("prefix")
    public static let suffix = Column("suffix")
    public static let textHash = Column("textHash")
    public static let note = Column("note")
    public static let color = Column("color")
    public static let name = Column("name")
    public static let tags = Column("tags")
    public static let orphaned = Column("orphaned")
    public static let createdAt = Column("createdAt")
    public static let updatedAt = Column("updatedAt")
    public static let deletedAt = Column("deletedAt")
  }

  public init(row: Row) throws {
    let tagsJSON: String = row[Columns.tags] ?? "[]"
    let kindName: String = row[Columns.kind]
    guard let kind = Kind(rawValue: kindName) else {
      throw AnnotationError.unknownKind(kindName, uuid: row[Columns.uuid])
    }
    self.init(
      id: row[Columns.id],
      uuid: row[Columns.uuid],
      articleUUID: row[Columns.articleUUID],
      kind: kind,
      anchor: TextAnchor(
        start: row[Columns.startOffset], end: row[Columns.endOffset], quote: row[Columns.quote],
        prefix: row[Columns.prefix], suffix: row[Columns.suffix], textHash: row[Columns.textHash]),
      note: row[Columns.note],
      color: (row[Columns.color] as Int?).flatMap(AnnotationColor.init(rawValue:)),
      name: row[Columns.name],
      tags: (try? JSONDecoder().decode([String].self, from: Data(tagsJSON.utf8))) ?? [],
      isOrphaned: row[Columns.orphaned],
      createdAt: Date(milliseconds: row[Columns.createdAt]),
      updatedAt: Date(milliseconds: row[Columns.updatedAt]),
      deletedAt: (row[Columns.deletedAt] as Int64?).map(Date.init(milliseconds:)))
  }

  public func encode(to container: inout PersistenceContainer) throws {
    container[Columns.id] = id
    container[Columns.uuid] = uuid
    container[Columns.articleUUID] = articleUUID
    container[Columns.kind] = kind.rawValue
    container[Columns.startOffset] = anchor.start
    container[Columns.endOffset] = anchor.end
    // Notes, names and quotes from people and other programs are stored clean, as text is.
    container[Columns.quote] = TextSanitizer.sanitize(anchor.quote)
    container[Columns.prefix] = TextSanitizer.sanitize(anchor.prefix)
    container[Columns.suffix] = TextSanitizer.sanitize(anchor.suffix)
    container[Columns.textHash] = anchor.textHash
    container[Columns.note] = TextSanitizer.sanitize(note)
    container[Columns.color] = color?.rawValue
    container[Columns.name] = name.map { TextSanitizer.sanitize($0) }
    container[Columns.tags] = String(decoding: try JSONEncoder().encode(tags), as: UTF8.self)
    container[Columns.orphaned] = isOrphaned
    container[Columns.createdAt] = createdAt.milliseconds
    container[Columns.updatedAt] = updatedAt.milliseconds
    container[Columns.deletedAt] = deletedAt?.milliseconds
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }
}

extension Date {
  /// Milliseconds since 1970, as the annotation table stores dates.
  fileprivate var milliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

  fileprivate init(milliseconds: Int64) {
    self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
  }
}
