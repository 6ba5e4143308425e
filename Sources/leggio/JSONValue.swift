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
    }
  }

  private static func writeString(_ string: String, into output: inout String) {
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

extension Optional where Wrapped == String {
  var json: JSONValue { map(JSONValue.string) ?? .null }
}
