import Foundation

/// trafilatura (from PyPI) run over the same pages in one Python process: its text, title,
/// author, date and time per set, for `leggio-bench web` to score beside Leggio. Optional:
/// when it does not import, the bench says how to install it and goes on.
enum Trafilatura {
  static let installHint =
    "trafilatura not installed (python3 -m pip install trafilatura lxml_html_clean;"
    + " LEGGIO_TRAFILATURA_PYTHON names the python that has it)"

  /// Runs over `sets` (name -> [(key, file, url)]); a reason when it cannot run. The
  /// `python3` on `PATH` first (where `pip install` puts it), then Debian's `/usr/bin/python3`.
  static func run(_ sets: [String: [(key: String, file: String, url: String)]]) -> Result<
    [String: PythonPeer.SetRun], PythonPeer.Reason
  > {
    PythonPeer.run(
      sets, script: script,
      pythons: PythonPeer.interpreters(
        variable: "LEGGIO_TRAFILATURA_PYTHON", defaults: ["python3", "/usr/bin/python3"]),
      missing: installHint)
  }

  /// Reads the page list on stdin; prints one JSON line per page and one per set with the
  /// CPU seconds spent in trafilatura. Files are read and unzipped before the clock starts;
  /// trafilatura gets the page's bytes, as Leggio does, and finds their charset itself.
  /// Its standard settings (with its fallback extractors), comments left out as the
  /// benchmarks want, metadata on.
  static let script = """
    import gzip, json, sys, time
    try:
        import trafilatura
    except ImportError:
        print("missing"); sys.exit(0)
    sets = json.load(sys.stdin)
    for name, pages in sorted(sets.items()):
        loaded = []
        for key, path, url in pages:
            with open(path, "rb") as handle:
                data = handle.read()
            if path.endswith(".gz"):
                data = gzip.decompress(data)
            loaded.append((key, data, url or None))
        results = []
        start = time.process_time()
        for key, data, url in loaded:
            try:
                document = trafilatura.bare_extraction(
                    data, url=url, include_comments=False, with_metadata=True)
            except Exception:
                document = None
            results.append((key, document))
        seconds = time.process_time() - start
        for key, document in results:
            if document is None:
                print(json.dumps({"set": name, "key": key, "text": ""}))
                continue
            print(json.dumps({"set": name, "key": key, "text": document.text or "",
                              "title": document.title or "", "author": document.author or "",
                              "date": document.date or ""}))
        print(json.dumps({"set": name, "seconds": seconds}))
    """
}
