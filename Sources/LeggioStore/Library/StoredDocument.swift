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
enum StoredDocument {
  /// zlib's fastest level: feeds store thousands of documents a second, and the levels
  /// above it gain little on short texts.
  static let level: Int32 = 1

  /// The stored form of `json`.
  static func compress(_ json: String) -> Data {
    var json = json
    return json.withUTF8 { compress(source: $0) }
  }

  private static func compress(bytes: [UInt8], deflater: DocumentDeflater?) -> Data {
    bytes.withUnsafeBufferPointer { source in
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
  /// passes a `deflater` it keeps from one document to the next.
  static func compress(_ json: String, text: String, deflater: DocumentDeflater? = nil) -> Data {
    var payload = [UInt8]()
    payload.reserveCapacity(5 + text.utf8.count + json.utf8.count)
    payload.append(textMark)
    withUnsafeBytes(of: UInt32(text.utf8.count).littleEndian) { payload.append(contentsOf: $0) }
    payload.append(contentsOf: text.utf8)
    payload.append(contentsOf: json.utf8)
    return compress(bytes: payload, deflater: deflater)
  }

  /// The first payload byte of a document stored with its text (JSON starts with `{`).
  static let textMark: UInt8 = 1

  /// The JSON of a stored document: a compressed BLOB inflated, TEXT as it is; nil for
  /// NULL or a BLOB that does not inflate.
  static func json(from value: DatabaseValue) -> String? {
    switch value.storage {
    case .string(let json): return json
    case .blob(let data): return parts(data).map { String(decoding: $0.json, as: UTF8.self) }
    default: return nil
    }
  }

  /// The canonical text stored inside a document, nil when it has none (it is then in
  /// the version's `text` column).
  static func text(from value: DatabaseValue) -> String? {
    guard case .blob(let data) = value.storage, let text = parts(data)?.text else { return nil }
    return String(decoding: text, as: UTF8.self)
  }

  /// `leggio_text(document, text)`: a version's text, from inside its document or from
  /// its column. Every connection to a library has it (`Library.configuration`).
  static let textFunction = DatabaseFunction("leggio_text", argumentCount: 2, pure: true) {
    values in
    StoredDocument.text(from: values[0]) ?? String.fromDatabaseValue(values[1]) ?? ""
  }

  /// A compressed payload's text (when stored) and JSON.
  static func parts(_ data: Data) -> (text: ArraySlice<UInt8>?, json: ArraySlice<UInt8>)? {
    guard let payload = inflate(data) else { return nil }
    guard payload.first == textMark, payload.count >= 5 else { return (nil, payload[...]) }
    let length =
      Int(payload[1]) | Int(payload[2]) << 8 | Int(payload[3]) << 16 | Int(payload[4]) << 24
    guard 5 + length <= payload.count else { return nil }
    return (payload[5..<(5 + length)], payload[(5 + length)...])
  }

  private static func inflate(_ data: Data) -> [UInt8]? {
    guard data.count >= 4 else { return nil }
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
}
