import TOMLKit
import LeggioModel
import LeggioPictures

/// Reads `config.toml`:
///
/// ```toml
/// theme = "nord"
///
/// [reader]
/// width = 72        # the text column, in cells
/// justify = true
/// hyphenate = true  # in the article's language, when its dictionary is installed
/// margin = 1        # cells kept free each side on narrow screens
/// strict-line-breaks = false  # true: Japanese small kana never start a line
/// images = "auto"   # or "kitty", "sixel", "iterm", "symbols", "off"
/// ascii-borders = false  # tables in +-| (default: when the locale is not UTF-8)
/// notes-at-foot = true   # footnotes at the foot of their page, else on demand
///
/// [feeds]
/// images = true     # false: feed items keep no pictures
///
/// [keys]            # action = key or [keys]; replaces the action's default keys
/// next-page = ["j", "Space", "PgDn"]
/// quit = "q"
/// ```
///
/// Every problem is reported with its line; the settings that are fine still apply.
public enum ConfigurationParser {
  static let topLevelKeys = ["theme", "reader", "keys", "feeds"]
  static let feedsKeys = ["images"]
  static let readerKeys = [
    "width", "justify", "hyphenate", "margin", "strict-line-breaks", "images", "ascii-borders",
    "notes-at-foot",
  ]

  public static func parse(_ text: String, file: String) -> (
    configuration: Configuration, problems: [ConfigurationError]
  ) {
    let source: TOMLSource
    do {
      source = try TOMLSource(text: text, file: file)
    } catch {
      let problem = ConfigurationError.syntax(
        file: file, line: error.line, column: error.column, message: error.message)
      return (.defaults, [problem])
    }
    var reader = Reader(source: source)
    var configuration = Configuration()
    for (key, value) in source.table {
      switch key {
      case "theme":
        if let name = value.string, !name.isEmpty {
          configuration.theme = name
        } else {
          reader.problem([key], "expected a theme's name in quotes, like theme = \"nord\"")
        }
      case "reader":
        configuration.reader = reader.readerSettings(value)
      case "feeds":
        reader.feedsSettings(value, into: &configuration)
      case "keys":
        configuration.keyOverrides = reader.keyBindings(value)
      default:
        reader.unknown([key], among: topLevelKeys, what: "setting")
      }
    }
    return (configuration, reader.problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
  }

  /// Walks the tables of one file, collecting problems.
  private struct Reader {
    let source: TOMLSource
    var problems: [ConfigurationError] = []

    mutating func problem(_ path: [String], _ text: String) {
      problems.append(
        .invalid(
          file: source.file, line: source.line(of: path), key: path.joined(separator: "."),
          problem: text))
    }

    mutating func unknown(_ path: [String], among names: [String], what: String) {
      let name = path.last ?? ""
      problem(
        path,
        "Leggio has no \(what) \"\(TerminalSafety.line(name, limit: 60))\""
          + Suggestion.hint(for: name, among: names) + "; "
          + "expected one of " + names.joined(separator: ", "))
    }

    /// The `[feeds]` table: whether feed items keep their pictures.
    mutating func feedsSettings(
      _ value: any TOMLValueConvertible, into configuration: inout Configuration
    ) {
      guard let table = value.table else {
        problem(["feeds"], "expected a table: [feeds] then images = true on the next line")
        return
      }
      for (key, entry) in table {
        let path = ["feeds", key]
        guard key == "images" else {
          unknown(path, among: feedsKeys, what: "feeds setting")
          continue
        }
        if let flag = entry.bool {
          configuration.feedPictures = flag
        } else {
          problem(path, "expected true or false")
        }
      }
    }

    mutating func readerSettings(_ value: any TOMLValueConvertible) -> ReaderSettings {
      var settings = ReaderSettings()
      guard let table = value.table else {
        problem(["reader"], "expected a table: [reader] then width = 72 on the next line")
        return settings
      }
      for (key, entry) in table {
        let path = ["reader", key]
        switch key {
        case "width":
          if let width = integer(entry, at: path, in: ReaderSettings.widthRange, unit: "cells") {
            settings.width = width
          }
        case "margin":
          if let margin = integer(entry, at: path, in: ReaderSettings.marginRange, unit: "cells") {
            settings.margin = margin
          }
        case "justify":
          if let flag = entry.bool {
            settings.justify = flag
          } else {
            problem(path, "expected true or false")
          }
        case "hyphenate":
          if let flag = entry.bool {
            settings.hyphenate = flag
          } else {
            problem(path, "expected true or false")
          }
        case "strict-line-breaks":
          if let flag = entry.bool {
            settings.strictLineBreaks = flag
          } else {
            problem(path, "expected true or false")
          }
        case "images":
          if let name = entry.string, let mode = PictureMode(rawValue: name.lowercased()) {
            settings.images = mode
          } else {
            let names = PictureMode.allCases.map { "\"\($0.rawValue)\"" }
            problem(path, "expected one of " + names.joined(separator: ", "))
          }
        case "ascii-borders":
          if let flag = entry.bool {
            settings.asciiBorders = flag
          } else {
            problem(path, "expected true or false")
          }
        case "notes-at-foot":
          if let flag = entry.bool {
            settings.notesAtFoot = flag
          } else {
            problem(path, "expected true or false")
          }
        default:
          unknown(path, among: readerKeys, what: "reader setting")
        }
      }
      return settings
    }

    mutating func integer(
      _ value: any TOMLValueConvertible, at path: [String], in range: ClosedRange<Int>,
      unit: String
    ) -> Int? {
      guard let number = value.int, range.contains(number) else {
        problem(
          path, "expected a whole number of \(unit) from \(range.lowerBound) to \(range.upperBound)"
        )
        return nil
      }
      return number
    }

    mutating func keyBindings(_ value: any TOMLValueConvertible) -> [Action: [Key]] {
      guard let table = value.table else {
        problem(["keys"], "expected a table: [keys] then next-page = [\"j\", \"Space\"]")
        return [:]
      }
      var bindings: [Action: [Key]] = [:]
      for (name, entry) in table {
        let path = ["keys", name]
        guard let action = Action(rawValue: name) else {
          unknown(path, among: Action.allCases.map(\.rawValue), what: "action")
          continue
        }
        let names: [any TOMLValueConvertible]
        if let array = entry.array {
          names = Array(array)
        } else {
          names = [entry]
        }
        var keys: [Key] = []
        for keyName in names {
          guard let text = keyName.string else {
            problem(path, "expected key names in quotes, like \(name) = [\"j\", \"Space\"]")
            continue
          }
          guard let key = KeyName.parse(text) else {
            problem(
              path,
              "\"\(TerminalSafety.line(text, limit: 60))\" is not a key name; expected \(KeyName.expected)"
            )
            continue
          }
          if !keys.contains(key) { keys.append(key) }
        }
        bindings[action] = keys
      }
      return withoutConflicts(bindings)
    }

    /// Bindings where no key does two things on one screen: a key written for a second
    /// action (later in the file) is reported and left out of that action.
    mutating func withoutConflicts(_ bindings: [Action: [Key]]) -> [Action: [Key]] {
      let order = bindings.keys.sorted {
        (source.line(of: ["keys", $0.rawValue]) ?? 0, $0.rawValue)
          < (source.line(of: ["keys", $1.rawValue]) ?? 0, $1.rawValue)
      }
      var result: [Action: [Key]] = [:]
      for action in order {
        var keys: [Key] = []
        for key in bindings[action] ?? [] {
          if let other = order.first(where: {
            $0 != action && $0.sharesAScreen(with: action) && result[$0]?.contains(key) == true
          }) {
            problem(
              ["keys", action.rawValue],
              "\(KeyName.describe(key)) is already bound to \(other.rawValue) on the same screen; "
                + "a key does one thing, so it stays with \(other.rawValue)")
          } else {
            keys.append(key)
          }
        }
        result[action] = keys
      }
      return result
    }
  }
}
