import LeggioModel

/// A JSON value and its pretty-printed text, with keys sorted.
///
/// Written by hand rather than with `JSONEncoder`, which took two thirds of the time
/// of `leggio list --json` on 10,000 articles; and because it escapes every scalar that
/// `TerminalSafety` calls unsafe too, so nothing in the output can drive a terminal.
enum JSONValue {
  case null
  case bool(Bool)
  case int(Int64)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])
  /// An object whose members are given in key order already: written as `object` would
  /// write them, without hashing and sorting keys (`list --json` writes 100,000).
  case fields([JSONMember])

  /// Pretty text, two spaces per level, keys sorted.
  var text: String {
    var output: [UInt8] = []
    write(into: &output, indent: 0)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends the pretty text's UTF-8 to `output`: written as bytes, not grown as a
  /// `String` (whose appends were a third of `list --json`).
  func write(into output: inout [UInt8], indent: Int) {
    switch self {
    case .null: output.append(contentsOf: "null".utf8)
    case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
    case .int(let value): output.append(contentsOf: String(value).utf8)
    case .double(let value):
      output.append(contentsOf: (value.isFinite ? String(value) : "null").utf8)
    case .string(let value): Self.writeString(value, into: &output)
    case .array(let values):
      guard !values.isEmpty else {
        output.append(contentsOf: "[]".utf8)
        return
      }
      output.append(contentsOf: "[\n".utf8)
      for (index, value) in values.enumerated() {
        Self.writeIndent(indent + 1, into: &output)
        value.write(into: &output, indent: indent + 1)
        output.append(contentsOf: (index + 1 < values.count ? ",\n" : "\n").utf8)
      }
      Self.writeIndent(indent, into: &output)
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      let keys = members.keys.sorted()
      Self.writeMembers(keys.lazy.map { ($0, members[$0]!) }, into: &output, indent: indent)
    case .fields(let members):
      assert(zip(members, members.dropFirst()).allSatisfy { $0.key < $1.key })
      Self.writeMembers(members.lazy.map { ($0.key, $0.value) }, into: &output, indent: indent)
    }
  }

  /// An object's members, in the order given.
  private static func writeMembers<Members: Collection<(String, JSONValue)>>(
    _ members: Members, into output: inout [UInt8], indent: Int
  ) {
    guard !members.isEmpty else {
      output.append(contentsOf: "{}".utf8)
      return
    }
    output.append(contentsOf: "{\n".utf8)
    var left = members.count
    for (key, value) in members {
      writeIndent(indent + 1, into: &output)
      writeString(key, into: &output)
      output.append(contentsOf: ": ".utf8)
      value.write(into: &output, indent: indent + 1)
      left -= 1
      output.append(contentsOf: (left > 0 ? ",\n" : "\n").utf8)
    }
    writeIndent(indent, into: &output)
    output.append(UInt8(ascii: "}"))
  }

  private static func writeIndent(_ indent: Int, into output: inout [UInt8]) {
    for _ in 0..<indent * 2 { output.append(UInt8(ascii: " ")) }
  }

  private static func writeString(_ string: String, into output: inout [UInt8]) {
    var string = string
    string.withUTF8 { ByteText.appendJSONString($0, to: &output) }
  }
}

/// A member of `JSONValue.fields`.
struct JSONMember {
  let key: String
  let value: JSONValue

  init(_ key: String, _ value: JSONValue) {
    self.key = key
    self.value = value
  }
}

extension Optional where Wrapped == String {
  var json: JSONValue { map(JSONValue.string) ?? .null }
}
