import CDeflate
import CSearchRank
import Foundation
import GRDB

/// A zstd dictionary trained on a library's own documents (issue 17), kept in its
/// `document_dictionary` table. Feed items share their JSON's structure and their
/// language's common words, which a document of 3.7 KB cannot teach its own compressor:
/// with a 110 KB dictionary trained on 1,000 of the library's documents they take about
/// 690 bytes at zstd's level 3 instead of 1,060 with zlib, are compressed in about 20 µs
/// (ISA-L: 22) and read in 5 µs instead of 18. On documents of other Italian prose a 64 KB
/// dictionary of the same kind still gave 811 bytes against zlib's 957: most of the gain
/// is the JSON's shape and common words, not passages repeated.
///
/// Every frame names its dictionary by id (a hash of the dictionary's content), and every
/// dictionary a process meets is made known to libzstd's readers for the process's life
/// (`leggio_zstd_learn_dictionary`), so reading needs no connection at hand. Unchecked
/// Sendable: the compression dictionary (a `ZSTD_CDict`) is only read once made, and
/// libzstd lets threads share it, each with its own context.
final class DocumentDictionary: @unchecked Sendable {
  /// zstd's level: 3 made feed documents 10% smaller than level 1 (720 bytes against 797,
  /// 64 KB dictionary) for 4 µs more a document; 5 gained 2% more for 2.5 times the time.
  static let level: Int32 = 3
  /// A library gets its dictionary once it holds this many documents.
  static let minimumDocuments = 1000
  /// Documents trained on: 2,000 gave a dictionary 0.3% better than 1,000 in twice the
  /// time (about 0.5 s for 1,000).
  static let sampleCount = 1000
  /// The dictionary's size at most: zstd's own default (`zstd --train`'s `--maxdict`).
  /// On the feed documents above: 64 KB gave 723 bytes a document, 110 KB 688.
  static let capacity = 112_640
  /// Payloads from this size on (books) keep zlib (`FastDeflate`, `SplitDeflate`): a
  /// dictionary gains little on them, and their compression runs on two threads.
  static let largestPayload = FastDeflate.threshold

  let id: UInt32
  let bytes: Data
  private let compression: UnsafeMutableRawPointer

  /// The dictionary `bytes`, ready to compress with and known to every reader; nil for
  /// bytes that are not a zstd dictionary, or without libzstd.
  init?(bytes: Data) {
    let made = bytes.withUnsafeBytes { buffer -> (UInt32, UnsafeMutableRawPointer?) in
      let id = leggio_zstd_learn_dictionary(buffer.baseAddress, buffer.count)
      guard id != 0 else { return (0, nil) }
      return (id, leggio_zstd_compression_dictionary(buffer.baseAddress, buffer.count, Self.level))
    }
    guard made.0 != 0, let compression = made.1 else { return nil }
    self.id = made.0
    self.bytes = bytes
    self.compression = compression
  }

  deinit { leggio_zstd_free_compression_dictionary(compression) }

  static var isAvailable: Bool { leggio_zstd_available() != 0 }

  /// The stored form of `payload` (its length, 4 bytes little-endian, then one zstd frame
  /// naming this dictionary); nil for a payload too large, or when zstd fails.
  func compress(_ payload: UnsafeBufferPointer<UInt8>) -> Data? {
    guard payload.count < Self.largestPayload else { return nil }
    let capacity = 4 + leggio_zstd_bound(payload.count)
    guard let buffer = malloc(capacity) else { return nil }
    var length = UInt32(payload.count).littleEndian
    withUnsafeBytes(of: &length) { buffer.copyMemory(from: $0.baseAddress!, byteCount: 4) }
    let written = leggio_zstd_compress(
      compression, payload.baseAddress, payload.count, buffer + 4, capacity - 4)
    guard written > 0 else {
      free(buffer)
      return nil
    }
    let shrunk = realloc(buffer, 4 + written) ?? buffer
    return Data(bytesNoCopy: shrunk, count: 4 + written, deallocator: .free)
  }

  /// Whether `stored` (a version's BLOB) is a frame made with this dictionary.
  func madeThis(_ stored: Data) -> Bool {
    stored.withUnsafeBytes { buffer in
      buffer.count > 8
        && leggio_zstd_is_frame(buffer.baseAddress! + 4, buffer.count - 4) != 0
        && leggio_zstd_frame_dictionary(buffer.baseAddress! + 4, buffer.count - 4) == id
    }
  }

  /// A dictionary trained on `samples` (documents' payloads laid end to end, each
  /// `sizes` long); nil without libzstd or when zstd finds too little to learn.
  static func train(samples: [UInt8], sizes: [Int]) -> Data? {
    guard isAvailable, !sizes.isEmpty, sizes.count < Int(UInt32.max) else { return nil }
    var dictionary = Data(count: capacity)
    let size = dictionary.withUnsafeMutableBytes { output in
      samples.withUnsafeBytes { input in
        leggio_zstd_train(
          output.baseAddress, output.count, input.baseAddress, sizes, UInt32(sizes.count), level)
      }
    }
    guard size > 0 else { return nil }
    dictionary.count = size
    return dictionary
  }

  // MARK: The library's table

  static let tableName = "document_dictionary"
  static let migrationName = "documentDictionary"

  /// Created empty: existing documents stay as they are until `leggio vacuum`
  /// recompresses them.
  static let table = """
    CREATE TABLE document_dictionary (
      id INTEGER PRIMARY KEY,
      bytes BLOB NOT NULL,
      createdAt DATETIME NOT NULL
    )
    """

  /// The library's newest dictionary, nil when it has none (or it cannot be used). Rows
  /// without bytes are failed trainings (`DocumentDictionaryFailure`).
  static func newest(_ db: Database) throws -> DocumentDictionary? {
    guard
      let bytes = try Data.fetchOne(
        db,
        sql: """
          SELECT bytes FROM document_dictionary WHERE length(bytes) > 0
            ORDER BY createdAt DESC, id DESC LIMIT 1
          """)
    else { return nil }
    return DocumentDictionary(bytes: bytes)
  }

  /// Makes every dictionary of the library known to readers; false when none was read.
  @discardableResult
  static func learnAll(_ db: Database) -> Bool {
    leggio_learn_document_dictionaries(UnsafeMutableRawPointer(db.sqliteConnection)) > 0
  }
}
