import Foundation
import LeggioTestSupport

/// readability-lxml (Debian's python3-readability) run over the same pages in one Python
/// process: its text, title and time per set, for `leggio-bench web` to score beside Leggio.
enum ReadabilityLXML {
  struct SetRun {
    var outputs: [String: ExtractionBenchmarks.Output] = [:]
    var seconds = 0.0
  }

  /// Runs over `sets` (name -> [(key, file, url)]); nil with a reason when it cannot run.
  static func run(_ sets: [String: [(key: String, file: String, url: String)]]) -> Result<
    [String: SetRun], Reason
  > {
    let python =
      FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
      ? "/usr/bin/python3" : "python3"
    let listing: [String: [[String]]] = sets.mapValues { $0.map { [$0.key, $0.file, $0.url] } }
    guard let input = try? JSONSerialization.data(withJSONObject: listing) else {
      return .failure(Reason("could not list the pages"))
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [python, "-c", script]
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return .failure(Reason("python3 not found")) }
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
          return .failure(
            Reason("readability-lxml not installed (apt-get install python3-readability)"))
        }
        continue
      }
      if let seconds = object["seconds"] as? Double {
        runs[set, default: SetRun()].seconds = seconds
      } else if let key = object["key"] as? String {
        runs[set, default: SetRun()].outputs[key] = ExtractionBenchmarks.Output(
          text: object["text"] as? String ?? "", title: object["title"] as? String)
      }
    }
    return runs.isEmpty ? .failure(Reason("readability-lxml gave no output")) : .success(runs)
  }

  struct Reason: Error {
    var text: String
    init(_ text: String) { self.text = text }
  }

  /// Reads the page list on stdin; prints one JSON line per page and one per set with the
  /// CPU seconds spent in readability-lxml (files are read, unzipped and decoded — UTF-8, else
  /// Windows-1252 — before the clock starts).
  static let script = """
    import gzip, json, sys, time
    try:
        from readability import Document
        import lxml.html
    except ImportError:
        print("missing"); sys.exit(0)
    BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
              "blockquote", "pre", "figcaption", "section", "article", "br", "dt", "dd"}
    def text_of(summary):
        try:
            root = lxml.html.fromstring(summary)
        except Exception:
            return ""
        for element in root.iter():
            if isinstance(element.tag, str) and element.tag in BLOCKS:
                element.tail = "\\n" + (element.tail or "")
                element.text = "\\n" + (element.text or "")
        return root.text_content()
    sets = json.load(sys.stdin)
    for name, pages in sorted(sets.items()):
        loaded = []
        for key, path, url in pages:
            with open(path, "rb") as handle:
                data = handle.read()
            if path.endswith(".gz"):
                data = gzip.decompress(data)
            # Decoded before the clock starts: readability-lxml's own charset guessing
            # would double its time, and Leggio's figure is the one to be conservative on.
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("cp1252", errors="replace")
            loaded.append((key, text, url))
        results = []
        start = time.process_time()
        for key, data, url in loaded:
            try:
                document = Document(data, url=url)
                summary = document.summary()
                title = document.short_title()
            except Exception:
                summary, title = "", ""
            results.append((key, summary, title))
        seconds = time.process_time() - start
        for key, summary, title in results:
            print(json.dumps({"set": name, "key": key, "text": text_of(summary), "title": title}))
        print(json.dumps({"set": name, "seconds": seconds}))
    """
}
