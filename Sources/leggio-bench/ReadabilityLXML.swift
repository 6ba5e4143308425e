import Foundation
import LeggioTestSupport

/// readability-lxml (Debian's python3-readability) run over the same pages in one Python
/// process: its text, title and time per set, for `leggio-bench web` to score beside Leggio.
enum ReadabilityLXML {
  /// Runs over `sets` (name -> [(key, file, url)]); a reason when it cannot run.
  /// Debian's `/usr/bin/python3` first (where `python3-readability` installs), then the
  /// `python3` on `PATH`; `LEGGIO_READABILITY_PYTHON` names another.
  static func run(_ sets: [String: [(key: String, file: String, url: String)]]) -> Result<
    [String: PythonPeer.SetRun], PythonPeer.Reason
  > {
    PythonPeer.run(
      sets, script: script,
      pythons: PythonPeer.interpreters(
        variable: "LEGGIO_READABILITY_PYTHON", defaults: ["/usr/bin/python3", "python3"]),
      missing: "readability-lxml not installed (apt-get install python3-readability)")
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
