import Foundation
import GRDB
import LeggioModel

extension StoredDocument {
  /// The document a version stores, decoded from the inflated payload's bytes where they
  /// lie (`DocumentJSONDecoder`), else by `JSONDecoder`; nil for NULL or a BLOB that does
  /// not inflate. What the reader opens: for a book, no 6 MB `String` of JSON is made
  /// on the way, and its blocks are decoded in two halves side by side.
  static func document(from value: DatabaseValue, db: Database? = nil) throws -> Document? {
    switch value.storage {
    case .string(let json): return try Library.decode(json)
    case .blob(let data):
      guard let json = try parts(data, db: db)?.json else { return nil }
      if let document = json.withUnsafeBufferPointer(DocumentJSONDecoder.decodeInHalves(bytes:)) {
        return document
      }
      return try JSONDecoder().decode(Document.self, from: Data(json))
    default: return nil
    }
  }
}
