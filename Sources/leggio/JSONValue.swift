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
    var output = ""
    write(into: &output, indent: 0)
    return output
  }

  func write(into output: inout String, indent: Int) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .int(let value): output += String(value)
    case .double(let value): output += value.isFinite ? String(value) : "null"
    case .string(let value): Self.writeString(value, into: &output)
    case .array(let values):
      guard !values.isEmpty else {
        output += "[]"
        return
      }
      output += "[\n"
      for (index, value) in values.enumerated() {
        output += String(repeating: "  ", count: indent + 1)
        value.write(into: &output, indent: indent + 1)
        output += index + 1 < values.count ? ",\n" : "\n"
      }
      output += String(repeating: "  ", count: indent) + "]"
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}"
        return
      }
      output += "{\n"
      let keys = members.keys.sorted()
      for (index, key) in keys.enumerated() {
        output += String(repeating: "  ", count: indent + 1)
        Self.writeString(key, into: &output)
        output += ": "
        members[key]!.write(into: &output, indent: indent + 1)
        output += index + 1 < keys.count ? ",\n" : "\n"
      }
      output += String(repeating: "  ", count: indent) + "}"
    case .fields(let members):
      assert(zip(members, members.dropFirst()).allSatisfy { $0.key < $1.key })
      guard !members.isEmpty else {
        output += "{}"
        return
      }
      output += "{\n"
      let inner = String(repeating: "  ", count: indent + 1)
      for (index, member) in members.enumerated() {
        output += inner
        Self.writeString(member.key, into: &output)
        output += ": "
        member.value.write(into: &output, indent: indent + 1)
        output += index + 1 < members.count ? ",\n" : "\n"
      }
      output += String(repeating: "  ", count: indent) + "}"
    }
  }

  private static func writeString(_ string: String, into output: inout String) {
    // Printable ASCII needs no escape: copied whole, without walking its scalars.
    if string.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
      output += "\""
      output += string
      output += "\""
      return
    }
    output += "\""
    let scalars = string.unicodeScalars
    var runStart = scalars.startIndex
    var index = runStart
    // Safe runs are copied whole; only what needs escaping is handled scalar by scalar.
    while index < scalars.endIndex {
      let scalar = scalars[index]
      if let escaped = escape(scalar) {
        output += Substring(scalars[runStart..<index])
        output += escaped
        runStart = scalars.index(after: index)
      }
      index = scalars.index(after: index)
    }
    output += Substring(scalars[runStart..<scalars.endIndex])
    output += "\""
  }

  /// The escape for a scalar that may not appear as itself, nil for the others.
  private static func escape(_ scalar: Unicode.Scalar) -> String? {
    let value = scalar.value
    switch value {
    case 0x22: return "\\\""
    case 0x5C: return "\\\\"
    case 0x0A: return "\\n"
    case 0x0D: return "\\r"
    case 0x09: return "\\t"
    case 0x20..<0x7F: return nil
    default: return TerminalSafety.jsonEscape(scalar)
    }
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
