import Dispatch
import Foundation
import LeggioModel

/// A long document's digest (`ArticleDigest`) begun on other threads as soon as the
/// document is read, before `Library.add` is called: `leggio add` keeps a book's
/// pictures meanwhile, and the document's JSON is written while its canonical text is
/// made. One thread writes the JSON, then compresses it with the text (`StoredDocument`);
/// the other makes the canonical text, its hash and its word count. Adding a 3 MB book
/// had these after one another on one core, beside an idle one.
package final class PreparedDocument: @unchecked Sendable {
  /// Documents whose runs hold fewer UTF-8 bytes than this are digested by `Library.add`
  /// as it goes: the canonical text is then shorter than `ArticleDigest.concurrentLength`
  /// or about as long.
  static let minimumLength = ArticleDigest.concurrentLength

  let document: Document
  private let textGroup = DispatchGroup()
  private let payloadGroup = DispatchGroup()
  // Each written once, by the thread that makes it, before its group is left, and read
  // only after waiting for that group.
  private var text: (text: String, hash: String, words: Int) = ("", "", 0)
  private var stored: (json: String, stored: Data) = ("", Data())

  /// A digest begun for `document`, or nil for a short one.
  package static func begin(_ document: Document) -> PreparedDocument? {
    var length = 0
    for block in document.blocks {
      for inline in block.inlines { length += inline.text.utf8.count }
      if length >= minimumLength { return PreparedDocument(document) }
    }
    return nil
  }

  private init(_ document: Document) {
    self.document = document
    let queue = DispatchQueue.global(qos: .userInitiated)
    queue.async(group: textGroup) { [self] in
      let canonical = CanonicalText(document).text
      text = (canonical, ContentHash.hex(canonical), TextStatistics.wordCount(canonical))
    }
    queue.async(group: payloadGroup) { [self] in
      let json = DocumentJSON.encode(document)
      textGroup.wait()
      stored = (json, StoredDocument.compress(json, text: text.text))
    }
  }

  /// The canonical text, its hash and its word count, waited for.
  var textDigest: (text: String, hash: String, words: Int) {
    textGroup.wait()
    return text
  }

  /// The JSON and the stored form, waited for.
  var payload: (json: String, stored: Data) {
    payloadGroup.wait()
    return stored
  }
}
