import Dispatch
import Foundation
import LeggioModel

/// What `Library.add` derives from an article before storing it: the content hash and
/// word count of its canonical text, its document's JSON and the stored form of both
/// (`StoredDocument`). Each is a pass over the whole text, so for a long text (a book)
/// they run on two threads, the hash and word count on one, the JSON and its compression
/// on the other, all before the write transaction starts.
struct ArticleDigest: Sendable {
  var hash: String
  var words: Int
  var documentJSON: String
  /// The version's `document` column: text and JSON compressed.
  var storedDocument: Data

  /// Texts shorter than this are digested on the calling thread: starting threads costs
  /// more than it saves.
  static let concurrentLength = 256 * 1024

  init(document: Document, text: String) {
    guard text.utf8.count >= Self.concurrentLength else {
      let json = DocumentJSON.encode(document)
      self.init(
        hash: SHA256.hex(text), words: TextStatistics.wordCount(text), documentJSON: json,
        storedDocument: StoredDocument.compress(json, text: text))
      return
    }
    let slots = Slots()
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      if index == 0 {
        slots.hash = SHA256.hex(text)
        slots.words = TextStatistics.wordCount(text)
      } else {
        slots.documentJSON = DocumentJSON.encode(document)
        slots.storedDocument = StoredDocument.compress(slots.documentJSON, text: text)
      }
    }
    self.init(
      hash: slots.hash, words: slots.words, documentJSON: slots.documentJSON,
      storedDocument: slots.storedDocument)
  }

  private init(hash: String, words: Int, documentJSON: String, storedDocument: Data) {
    self.hash = hash
    self.words = words
    self.documentJSON = documentJSON
    self.storedDocument = storedDocument
  }

  /// The results, each written by one thread before `concurrentPerform` returns and read
  /// only after it.
  private final class Slots: @unchecked Sendable {
    var hash = ""
    var words = 0
    var documentJSON = ""
    var storedDocument = Data()
  }
}
