import Dispatch
import Foundation
import LeggioModel

/// A long document's digest (`ArticleDigest`) begun on other threads as soon as the
/// document is read, before `Library.add` is called: `leggio add` keeps a book's
/// pictures meanwhile, and the document's JSON is written while its canonical text is
/// made. One thread writes the JSON, then compresses it with the text (`StoredDocument`);
/// the other makes the canonical text, its hash and its word count. Adding a 3 MB book
/// had these after one another on one core, beside an idle one. With ISA-L the stored form
/// is compressed in two parts (`SplitDeflate`): the text's as soon as the text is made,
/// beside its hash and count; the JSON's as soon as the JSON is written.
package final class PreparedDocument: @unchecked Sendable {
  /// Documents whose runs hold fewer UTF-8 bytes than this are digested by `Library.add`
  /// as it goes: the canonical text is then shorter than `ArticleDigest.concurrentLength`
  /// or about as long.
  static let minimumLength = ArticleDigest.concurrentLength

  let document: Document
  private let textGroup = DispatchGroup()
  private let payloadGroup = DispatchGroup()
  private let partGroup = DispatchGroup()
  // Each written once, by the thread that makes it, before its group is left, and read
  // only after waiting for that group.
  private var text: (text: String, hash: String, words: Int) = ("", "", 0)
  private var stored: (json: String, stored: Data) = ("", Data())
  private var textPart: SplitDeflate.Part?

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
    let split = SplitDeflate.isAvailable
    queue.async(group: textGroup) { [self] in
      PhaseTrace.mark("digest: text")
      let canonical = CanonicalText(document).text
      // The text's part of the stored form is compressed beside the hash and count.
      if split {
        queue.async(group: partGroup) { [self] in textPart = SplitDeflate.textPart(canonical) }
      }
      text = (canonical, ContentHash.hex(canonical), TextStatistics.wordCount(canonical))
      PhaseTrace.mark("digest: text, hash, words done")
    }
    queue.async(group: payloadGroup) { [self] in
      PhaseTrace.mark("digest: json")
      let json = DocumentJSON.encode(document)
      PhaseTrace.mark("digest: json written")
      let jsonPart = split ? SplitDeflate.jsonPart(json) : nil
      PhaseTrace.mark("digest: json compressed")
      textGroup.wait()
      partGroup.wait()
      let joined = textPart.flatMap { text in jsonPart.flatMap { SplitDeflate.join(text, $0) } }
      stored = (json, joined ?? StoredDocument.compress(json, text: text.text))
      PhaseTrace.mark("digest: stored form done")
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
