import Dispatch
import LeggioModel

/// What `Library.add` derives from an article before storing it: the content hash and
/// word count of its canonical text and its document's JSON. Each is a pass over the
/// whole text, so for a long text (a book) the three run side by side.
struct ArticleDigest: Sendable {
  var hash: String
  var words: Int
  var documentJSON: String

  /// Texts shorter than this are digested on the calling thread: starting threads costs
  /// more than it saves.
  static let concurrentLength = 256 * 1024

  init(document: Document, text: String) {
    guard text.utf8.count >= Self.concurrentLength else {
      self.init(
        hash: SHA256.hex(text), words: TextStatistics.wordCount(text),
        documentJSON: DocumentJSON.encode(document))
      return
    }
    let slots = Slots()
    DispatchQueue.concurrentPerform(iterations: 3) { index in
      switch index {
      case 0: slots.hash = SHA256.hex(text)
      case 1: slots.words = TextStatistics.wordCount(text)
      default: slots.documentJSON = DocumentJSON.encode(document)
      }
    }
    self.init(hash: slots.hash, words: slots.words, documentJSON: slots.documentJSON)
  }

  private init(hash: String, words: Int, documentJSON: String) {
    self.hash = hash
    self.words = words
    self.documentJSON = documentJSON
  }

  /// Three results, each written by one thread before `concurrentPerform` returns and read
  /// only after it.
  private final class Slots: @unchecked Sendable {
    var hash = ""
    var words = 0
    var documentJSON = ""
  }
}
