import Foundation
import LeggioTestSupport

/// A Python article extractor (readability-lxml, trafilatura) run over the benchmark pages
/// in one process, for `leggio-bench web` to score with the same rules as Leggio.
///
/// The script reads the page list as JSON on stdin (`{set: [[key, file, url], ...]}`) and
/// prints one JSON line per page (`set`, `key`, `text`, and `title`, `author`, `date` when
/// it finds them) and one per set with the CPU `seconds` the extractor spent; or the single
/// line `missing` when its module does not import.
enum PythonPeer {
  struct SetRun {
    var outputs: [String: ExtractionBenchmarks.Output] = [:]
    var seconds = 0.0

    /// Pages per CPU second; nil when nothing was timed.
    var pagesPerSecond: Double? {
      seconds > 0 ? Double(outputs.count) / seconds : nil
    }
  }

  struct Reason: Error {
    var text: String
    init(_ text: String) { self.text = text }
  }

  /// Runs `script` with the first of `pythons` that can import the extractor; `missing`
  /// is the reason given when none can.
  static func run(
    _ sets: [String: [(key: String, file: String, url: String)]], script: String,
    pythons: [String], missing: String
  ) -> Result<[String: SetRun], Reason> {
    let listing: [String: [[String]]] = sets.mapValues { $0.map { [$0.key, $0.file, $0.url] } }
    guard let input = try? JSONSerialization.data(withJSONObject: listing) else {
      return .failure(Reason("could not list the pages"))
    }
    var reason = Reason(missing)
    for python in pythons {
      switch run(python: python, script: script, input: input) {
      case .success(let runs): return .success(runs)
      case .failure(let failure): if failure.text != "missing" { reason = failure }
      }
    }
    return .failure(reason)
  }

  /// The Python interpreters to try, in order: `variable` from the environment when set,
  /// then each of `defaults` that exists (a bare name is looked up on `PATH` by `env`).
  static func interpreters(variable: String, defaults: [String]) -> [String] {
    if let chosen = ProcessInfo.processInfo.environment[variable], !chosen.isEmpty {
      return [chosen]
    }
    return defaults.filter {
      !$0.hasPrefix("/") || FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  private static func run(python: String, script: String, input: Data) -> Result<
    [String: SetRun], Reason
  > {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [python, "-c", script]
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return .failure(Reason("\(python) not found")) }
    stdin.fileHandleForWriting.write(input)
    try? stdin.fileHandleForWriting.close()
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    var runs: [String: SetRun] = [:]
    for line in data.split(separator: UInt8(ascii: "\n")) {
      guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
        let set = object["set"] as? String
      else {
        if String(decoding: line, as: UTF8.self) == "missing" {
          return .failure(Reason("missing"))
        }
        continue
      }
      if let seconds = object["seconds"] as? Double {
        runs[set, default: SetRun()].seconds = seconds
      } else if let key = object["key"] as? String {
        runs[set, default: SetRun()].outputs[key] = ExtractionBenchmarks.Output(
          text: object["text"] as? String ?? "", title: nonEmpty(object["title"]),
          byline: nonEmpty(object["author"]), published: day(object["date"]))
      }
    }
    return runs.isEmpty
      ? .failure(Reason("\(python) gave no output (exit \(process.terminationStatus))"))
      : .success(runs)
  }

  private static func nonEmpty(_ value: Any?) -> String? {
    guard let text = value as? String, !text.isEmpty else { return nil }
    return text
  }

  /// A `YYYY-MM-DD` day as midnight UTC, the way the benchmark compares days.
  private static func day(_ value: Any?) -> Date? {
    guard let text = nonEmpty(value) else { return nil }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.date(from: String(text.prefix(10)))
  }
}
