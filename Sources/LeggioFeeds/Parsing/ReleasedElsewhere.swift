import CLibXML2
import Foundation
import LeggioModel

/// Frees what a parse leaves behind on a background thread: for a feed of thousands of
/// items that is tens of milliseconds nobody has to wait for.
enum ReleasedElsewhere {
  private struct Document: @unchecked Sendable { let pointer: xmlDocPtr }

  static func free(_ document: xmlDocPtr) {
    let document = Document(pointer: document)
    DispatchQueue.global(qos: .utility).async { xmlFreeDoc(document.pointer) }
  }

  /// Drops the last reference to `tree` on a background thread.
  static func release(_ tree: FeedXMLElement) {
    let held = tree
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(held) {} }
  }
}
