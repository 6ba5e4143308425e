import CDeflate
import CSearchRank
import CZlibStore
import Foundation
import GRDB

/// A text version's document as the library stores it (issue 17): a BLOB of the payload's
/// length (4 bytes, little-endian) then the payload compressed with zlib.
///
/// The payload is byte 1, the canonical text's UTF-8 length (4 bytes, little-endian), the
/// text, then the document's JSON. The JSON repeats the text nearly word for word, so
/// zlib stores the text a second time for a few bytes, and the version's `text` column is
/// left empty: a 1.5 KB item's version went from 2.8 KB (text, compressed JSON) to about
/// 1.1 KB. Versions stored before hold JSON alone (a compressed payload starting with `{`)
/// or JSON as TEXT, with their text in the column; every form is read, and SQL reads a
/// version's text through `leggio_text(document, text)` (`textFunction`).
///
/// Once the library has a dictionary trained on its documents (`DocumentDictionary`),
/// short payloads are compressed with zstd and that dictionary instead: after the 4-byte
/// length comes a zstd frame, whose magic (28 B5 2F FD) no zlib stream starts with (a
/// zlib header's two bytes are a multiple of 31; 0x28B5 is not). A frame that cannot be
/// read (no libzstd, a dictionary the library lacks) is an error
/// (`LibraryError.unreadableDocument`), never an empty text.
enum StoredDocument {
  /// zlib's fastest level: feeds store thousands of documents a second, and the levels
  /// above it gain little on short texts.
  static let level: Int32 = 1

  /// The stored form of `json`.
  static func compress(_ json: String) -> Data {
    var json = json
    return json.withUTF8 { compress(source: $0) }
  }

  private static func compress(
    bytes: [UInt8], deflater: DocumentDeflater?, dictionary: DocumentDictionary?
  ) -> Data {
    bytes.withUnsafeBufferPointer { source in
      if let stored = dictionary?.compress(source) { return stored }
      // A batch's short documents: libdeflate when it is there (`FastDeflate`).
      if deflater != nil, let fast = FastDeflate.compress(source, minimum: 0) { return fast }
      guard var output = deflater?.deflate(source, headerSize: 4) else {
        return compress(source: source)
      }
      output.withUnsafeMutableBytes { buffer in
        var length = UInt32(source.count).littleEndian
        withUnsafeBytes(of: &length) {
          buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: 4)
        }
      }
      return output
    }
  }

  private static func compress(source: UnsafeBufferPointer<UInt8>) -> Data {
    if let fast = FastDeflate.compress(source) { return fast }
    var capacity = compressBound(uLong(source.count))
    var output = Data(count: 4 + Int(capacity))
    let status = output.withUnsafeMutableBytes { buffer -> Int32 in
      let base = buffer.baseAddress!
      var length = UInt32(source.count).littleEndian
      withUnsafeBytes(of: &length) { base.copyMemory(from: $0.baseAddress!, byteCount: 4) }
      return compress2(
        base.advanced(by: 4).assumingMemoryBound(to: Bytef.self), &capacity,
        source.baseAddress, uLong(source.count), level)
    }
    // Only a buffer too small fails, and compressBound rules that out; keep the JSON
    // as it is all the same rather than lose it.
    guard status == Z_OK else { return Data(source) }
    output.count = 4 + Int(capacity)
    return output
  }

  /// The stored form of a document's `json` with its canonical `text` inside; a batch
  /// passes a `deflater` it keeps from one document to the next, and the library's
  /// `dictionary` when it has one.
  static func compress(
    _ json: String, text: String, deflater: DocumentDeflater? = nil,
    dictionary: DocumentDictionary? = nil
  ) -> Data {
    var payload = [UInt8]()
    payload.reserveCapacity(5 + text.utf8.count + json.utf8.count)
    payload.append(textMark)
    withUnsafeBytes(of: UInt32(text.utf8.count).littleEndian) { payload.append(contentsOf: $0) }
    payload.append(contentsOf: text.utf8)
    payload.append(contentsOf: json.utf8)
    return compress(bytes: payload, deflater: deflater, dictionary: dictionary)
  }

  /// The stored form of an inflated `payload` (`parts`) with `dictionary`: how
  /// `leggio vacuum` brings a document to the dictionary's form, byte for byte the same
  /// once read. nil for a payload it leaves as it is (a book's).
  static func recompress(payload: [UInt8], dictionary: DocumentDictionary) -> Data? {
    payload.withUnsafeBufferPointer { dictionary.compress($0) }
  }

  /// The first payload byte of a document stored with its text (JSON starts with `{`).
  static let textMark: UInt8 = 1

  /// The JSON of a stored document: a compressed BLOB inflated, TEXT as it is; nil for
  /// NULL or a BLOB that does not inflate. Throws for a zstd frame that cannot be read;
  /// with `db`, a dictionary not met yet is looked for in the library first.
  static func json(from value: DatabaseValue, db: Database? = nil) throws -> String? {
    switch value.storage {
    case .string(let json): return json
    case .blob(let data):
      return try parts(data, db: db).map { String(decoding: $0.json, as: UTF8.self) }
    default: return nil
    }
  }

  /// The canonical text stored inside a document, nil when it has none (it is then in
  /// the version's `text` column).
  static func text(from value: DatabaseValue, db: Database? = nil) throws -> String? {
    guard case .blob(let data) = value.storage, let text = try parts(data, db: db)?.text else {
      return nil
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// `leggio_text(document, text)`: a version's text, from inside its document or from
  /// its column, on the connection `db` (whose library's dictionaries a zstd document may
  /// need). Every connection to a library has it (`Library.configuration`).
  static func textFunction(_ db: Database) -> DatabaseFunction {
    // The connection's address: the function lives and dies with the connection.
    let connection = Int(bitPattern: db.sqliteConnection)
    return DatabaseFunction("leggio_text", argumentCount: 2, pure: true) { values in
      try StoredDocument.text(from: values[0], connection: connection)
        ?? String.fromDatabaseValue(values[1]) ?? ""
    }
  }

  private static func text(from value: DatabaseValue, connection: Int) throws -> String? {
    guard case .blob(let data) = value.storage else { return nil }
    let parts = try parts(data) {
      leggio_learn_document_dictionaries(UnsafeMutableRawPointer(bitPattern: connection)) > 0
    }
    return parts?.text.map { String(decoding: $0, as: UTF8.self) }
  }

  /// A compressed payload's text (when stored) and JSON.
  static func parts(_ data: Data, db: Database? = nil) throws -> (
    text: ArraySlice<UInt8>?, json: ArraySlice<UInt8>
  )? {
    try parts(data) { db.map(DocumentDictionary.learnAll) ?? false }
  }

  /// `parts`, calling `learn` when a frame names a dictionary not met yet (true: look again).
  private static func parts(_ data: Data, learn: () -> Bool) throws -> (
    text: ArraySlice<UInt8>?, json: ArraySlice<UInt8>
  )? {
    guard let payload = try inflate(data, learn: learn) else { return nil }
    guard payload.first == textMark, payload.count >= 5 else { return (nil, payload[...]) }
    let length =
      Int(payload[1]) | Int(payload[2]) << 8 | Int(payload[3]) << 16 | Int(payload[4]) << 24
    guard 5 + length <= payload.count else { return nil }
    return (payload[5..<(5 + length)], payload[(5 + length)...])
  }

  /// The inflated payload of a version's BLOB, as `compress` made it; nil for one that
  /// does not inflate.
  static func payload(_ data: Data) throws -> [UInt8]? {
    try inflate(data) { false }
  }

  /// Whether `data` (a version's BLOB) is a zstd frame after its length.
  static func isZstd(_ data: Data) -> Bool {
    data.withUnsafeBytes { buffer in
      buffer.count > 8 && leggio_zstd_is_frame(buffer.baseAddress! + 4, buffer.count - 4) != 0
    }
  }

  private static func inflate(_ data: Data, learn: () -> Bool) throws -> [UInt8]? {
    guard data.count >= 4 else { return nil }
    if isZstd(data) { return try decompressZstd(data, learn: learn) }
    return data.withUnsafeBytes { buffer -> [UInt8]? in
      let length = Int(buffer.loadUnaligned(fromByteOffset: 0, as: UInt32.self).littleEndian)
      // A document of the JSON's stated length, or nothing: no allocation beyond 1 GB.
      guard length < 1 << 30 else { return nil }
      var written = uLongf(length)
      let bytes = [UInt8](unsafeUninitializedCapacity: max(1, length)) { output, count in
        let compressed = UnsafeRawBufferPointer(rebasing: buffer[4...])
        if FastDeflate.inflate(
          compressed, into: UnsafeMutableBufferPointer(rebasing: output[..<length]))
        {
          count = length
          return
        }
        let status = uncompress(
          output.baseAddress, &written,
          buffer.baseAddress!.advanced(by: 4).assumingMemoryBound(to: Bytef.self),
          uLong(buffer.count - 4))
        count = status == Z_OK ? Int(written) : 0
      }
      guard bytes.count == length else { return nil }
      return bytes
    }
  }

  private static func decompressZstd(_ data: Data, learn: () -> Bool) throws -> [UInt8] {
    var status = decompressZstd(data)
    if status.bytes == nil, status.code == LEGGIO_ZSTD_MISSING_DICTIONARY,
      learn()
    {
      status = decompressZstd(data)
    }
    if let bytes = status.bytes { return bytes }
    throw LibraryError.unreadableDocument(reason: zstdProblem(status.code))
  }

  private static func decompressZstd(_ data: Data) -> (bytes: [UInt8]?, code: Int32) {
    data.withUnsafeBytes { buffer in
      let length = Int(buffer.loadUnaligned(fromByteOffset: 0, as: UInt32.self).littleEndian)
      guard length < 1 << 30 else { return (nil, LEGGIO_ZSTD_DAMAGED) }
      var code: Int32 = 0
      let bytes = [UInt8](unsafeUninitializedCapacity: max(1, length)) { output, count in
        code = leggio_zstd_decompress(
          buffer.baseAddress! + 4, buffer.count - 4, output.baseAddress, length)
        count = code == 0 ? length : 0
      }
      return (code == 0 ? bytes : nil, code)
    }
  }

  private static func zstdProblem(_ code: Int32) -> String {
    switch code {
    case LEGGIO_ZSTD_UNAVAILABLE:
      "it is compressed with zstd, and libzstd (Debian's libzstd1) could not be loaded"
    case LEGGIO_ZSTD_MISSING_DICTIONARY:
      "it is compressed with a dictionary the library does not have"
    default: "its zstd compression is damaged"
    }
  }
}
