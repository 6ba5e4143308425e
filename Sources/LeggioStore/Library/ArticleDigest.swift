import Dispatch
import Foundation
import LeggioModel

/// What `Library.add` derives from an article before storing it: the content hash and
/// word count of its canonical text, its document's JSON and the stored form of both
/// (`StoredDocument`).
///
/// Each is a pass over the whole text. For a long text (a book) the JSON and its
/// compression start on another thread as the digest is made and are waited for only
/// when the write transaction needs them (`payload`); `leggio add` begins them earlier
/// still, as soon as the book is read (`PreparedDocument`).
struct ArticleDigest: Sendable {
  var hash: String
  var words: Int
  private let pending: PendingPayload

  /// The document's JSON, waited for if it is still being written.
  var documentJSON: String { pending.value.json }
  /// The version's `document` column: text and JSON compressed (waited for likewise).
  var storedDocument: Data { pending.value.stored }
  /// Whether the JSON and compression run on another thread: a long text.
  var isConcurrent: Bool { pending.isConcurrent }

  /// Texts shorter than this are digested on the calling thread: starting threads costs
  /// more than it saves.
  static let concurrentLength = 256 * 1024

  /// `dictionary`: the library's, for a short text (`DocumentDictionary`).
  init(document: Document, text: String, dictionary: DocumentDictionary? = nil) {
    let concurrent = text.utf8.count >= Self.concurrentLength
    pending = PendingPayload(
      document: document, text: text, concurrent: concurrent, dictionary: dictionary)
    hash = concurrent ? ContentHash.hex(text) : SHA256.hex(text)
    words = TextStatistics.wordCount(text)
  }

  /// The digest a `PreparedDocument` made, or is making, on other threads.
  init(prepared: PreparedDocument) {
    let (text, hash, words) = prepared.textDigest
    pending = PendingPayload(
      prepared: prepared, concurrent: text.utf8.count >= Self.concurrentLength)
    self.hash = hash
    self.words = words
  }

  /// The JSON and stored form of a document, made on the calling thread or on another one
  /// and waited for. Unchecked: `result` is written once, by the thread that makes it,
  /// before `group` is left, and read only after waiting for `group`.
  private final class PendingPayload: @unchecked Sendable {
    let isConcurrent: Bool
    private let group = DispatchGroup()
    private var result: (json: String, stored: Data) = ("", Data())

    /// Made by `prepared`'s thread, and waited for there.
    private let prepared: PreparedDocument?

    init(prepared: PreparedDocument, concurrent: Bool) {
      isConcurrent = concurrent
      self.prepared = prepared
    }

    init(document: Document, text: String, concurrent: Bool, dictionary: DocumentDictionary?) {
      isConcurrent = concurrent
      prepared = nil
      guard concurrent else {
        result = Self.make(document, text, dictionary: dictionary)
        return
      }
      DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in
        result = Self.makeSplit(document, text) ?? Self.make(document, text)
      }
    }

    var value: (json: String, stored: Data) {
      if let prepared { return prepared.payload }
      group.wait()
      return result
    }

    /// `make` with the text's part and the JSON's compressed side by side (`SplitDeflate`),
    /// nil without ISA-L.
    private static func makeSplit(_ document: Document, _ text: String) -> (String, Data)? {
      guard SplitDeflate.isAvailable else { return nil }
      let parts = DispatchGroup()
      let textPart = TextPart()
      DispatchQueue.global(qos: .userInitiated).async(group: parts) {
        textPart.value = SplitDeflate.textPart(text)
      }
      let json = DocumentJSON.encode(document)
      let jsonPart = SplitDeflate.jsonPart(json)
      parts.wait()
      guard let text = textPart.value, let jsonPart, let stored = SplitDeflate.join(text, jsonPart)
      else { return nil }
      return (json, stored)
    }

    /// Written once by the thread that compresses the text, read after waiting for it.
    private final class TextPart: @unchecked Sendable {
      var value: SplitDeflate.Part?
    }

    private static func make(
      _ document: Document, _ text: String, dictionary: DocumentDictionary? = nil
    ) -> (String, Data) {
      let json = DocumentJSON.encode(document)
      return (json, StoredDocument.compress(json, text: text, dictionary: dictionary))
    }
  }
}
