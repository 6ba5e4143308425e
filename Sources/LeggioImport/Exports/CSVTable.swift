import Foundation

/// A CSV file read by RFC 4180: fields separated by commas, quoted with `"` (a doubled
/// `""` inside is one quote), quoted fields may hold commas and line breaks; CRLF or LF
/// line ends, an optional UTF-8 BOM. The first record is the header; columns are found by
/// their name, whatever their position.
public struct CSVTable: Sendable {
  public struct Record: Sendable {
    /// The line of the file the record starts on (1 is the header).
    public var line: Int
    public var fields: [String]
  }

  /// The header's names, trimmed.
  public let header: [String]
  public let records: [Record]

  public init(_ text: String) {
    var records = Self.parse(text)
    let header = records.isEmpty ? [] : records.removeFirst().fields
    self.header = header.map { $0.trimmingCharacters(in: .whitespaces) }
    // A blank line is not a record.
    self.records = records.filter { !($0.fields.count == 1 && $0.fields[0].isEmpty) }
  }

  /// The position of the first column named one of `names` (case ignored).
  public func column(_ names: String...) -> Int? {
    for name in names {
      if let index = header.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
        return index
      }
    }
    return nil
  }

  /// Whether the header has every one of `names` (case ignored).
  public func has(_ names: String...) -> Bool {
    names.allSatisfy { name in
      header.contains { $0.caseInsensitiveCompare(name) == .orderedSame }
    }
  }

  /// The records of `text`, each with its first line number.
  static func parse(_ text: String) -> [Record] {
    var records: [Record] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var inQuotes = false
    var line = 1
    var recordLine = 1
    var bytes = Array(text.utf8)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var index = 0
    func endField() {
      fields.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
    }
    func endRecord() {
      endField()
      records.append(Record(line: recordLine, fields: fields))
      fields.removeAll(keepingCapacity: true)
    }
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if inQuotes {
        if byte == UInt8(ascii: "\"") {
          if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            field.append(byte)
            index += 1
          } else {
            inQuotes = false
          }
        } else {
          if byte == UInt8(ascii: "\n") { line += 1 }
          field.append(byte)
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""):
        // A quote opens a quoted field only at its start; elsewhere it is kept as text.
        if field.isEmpty { inQuotes = true } else { field.append(byte) }
      case UInt8(ascii: ","):
        endField()
      case UInt8(ascii: "\r") where index < bytes.count && bytes[index] == UInt8(ascii: "\n"):
        break
      case UInt8(ascii: "\n"):
        endRecord()
        line += 1
        recordLine = line
      default:
        field.append(byte)
      }
    }
    if !field.isEmpty || !fields.isEmpty || inQuotes { endRecord() }
    return records
  }
}

extension CSVTable.Record {
  /// The trimmed field at `column`, nil when the column is absent or the field empty.
  public func value(_ column: Int?) -> String? {
    guard let column, column < fields.count else { return nil }
    let field = fields[column]
    // Foundation's trimming bridges every field through NSString: a tenth of the time of a
    // 10,000-row import. Most fields have nothing to trim.
    guard let first = field.first, let last = field.last else { return nil }
    guard first.isWhitespace || last.isWhitespace else { return field }
    let value = field.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()
    return value.isEmpty ? nil : String(value)
  }
}
