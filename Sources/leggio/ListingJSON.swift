import Foundation
import LeggioStore

/// A listing's article as `list --json` prints it, written byte by byte from the row as
/// SQLite gave it: the same bytes as `ArticleJSON.value(entry)` written by `JSONValue` as
/// an element of the array (indent 1), which the record path (`list --json --records`)
/// still writes and the tests hold this to.
struct ListingJSON {
  private var offsets = LocalOffsets()

  mutating func write(_ row: ListingRow, to output: inout [UInt8]) {
    output.append(literal: "{\n    \"addedAt\": ")
    date(row.addedAt, &output)
    output.append(literal: ",\n    \"byline\": ")
    text(row[.byline], &output)
    output.append(literal: ",\n    \"dateline\": ")
    text(row[.dateline], &output)
    output.append(literal: ",\n    \"id\": ")
    Self.integer(row.id, &output)
    output.append(literal: ",\n    \"imageCredit\": ")
    text(row[.imageCredit], &output)
    output.append(literal: ",\n    \"kicker\": ")
    text(row[.kicker], &output)
    output.append(literal: ",\n    \"language\": ")
    text(row[.language], &output)
    output.append(literal: ",\n    \"pending\": ")
    bool(row.isPending, &output)
    output.append(literal: ",\n    \"progress\": ")
    let progress = row.progress
    // `String(0.0)` is "0.0": the common case without making a string.
    if progress == 0 && progress.sign == .plus {
      output.append(literal: "0.0")
    } else {
      output.append(contentsOf: (progress.isFinite ? String(progress) : "null").utf8)
    }
    output.append(literal: ",\n    \"published\": ")
    if let published = row.published { date(published, &output) } else { null(&output) }
    output.append(literal: ",\n    \"siteName\": ")
    text(row[.siteName], &output)
    output.append(literal: ",\n    \"source\": ")
    text(row[.source], &output)
    output.append(literal: ",\n    \"standfirst\": ")
    text(row[.standfirst], &output)
    output.append(literal: ",\n    \"starred\": ")
    bool(row.isStarred, &output)
    output.append(literal: ",\n    \"tags\": ")
    if row.tagCount == 0 {
      output.append(literal: "[]")
    } else {
      output.append(literal: "[\n")
      for index in 0..<row.tagCount {
        output.append(literal: "      ")
        ByteText.appendJSONString(row.tag(index), to: &output)
        if index + 1 < row.tagCount {
          output.append(literal: ",\n")
        } else {
          output.append(literal: "\n")
        }
      }
      output.append(literal: "    ]")
    }
    output.append(literal: ",\n    \"title\": ")
    text(row[.title], &output)
    output.append(literal: ",\n    \"uuid\": ")
    text(row[.uuid], &output)
    output.append(literal: ",\n    \"words\": ")
    Self.integer(Int64(row.words), &output)
    output.append(literal: "\n  }")
  }

  private func text(_ bytes: UnsafeBufferPointer<UInt8>?, _ output: inout [UInt8]) {
    if let bytes { ByteText.appendJSONString(bytes, to: &output) } else { null(&output) }
  }

  private func null(_ output: inout [UInt8]) { output.append(literal: "null") }

  private func bool(_ value: Bool, _ output: inout [UInt8]) {
    if value { output.append(literal: "true") } else { output.append(literal: "false") }
  }

  private mutating func date(_ date: Date, _ output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    if !ISO8601Text.appendLocal(date, offset: offsets.offset(at: date), to: &output) {
      output.append(contentsOf: ArticleJSON.foundationISO8601(date).utf8)
    }
    output.append(UInt8(ascii: "\""))
  }

  /// `String(value)`'s digits, without making the string.
  static func integer(_ value: Int64, _ output: inout [UInt8]) {
    if value < 0 { output.append(UInt8(ascii: "-")) }
    let magnitude = value.magnitude
    var divisor: UInt64 = 1
    while divisor <= magnitude / 10 { divisor *= 10 }
    repeat {
      output.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
      divisor /= 10
    } while divisor > 0
  }
}
