import Foundation
import LeggioImport
import LeggioLayout
import LeggioModel

/// `leggio show FILE --width W [--no-hyphenate]` run without ArgumentParser: parsing a
/// command line with it costs a few milliseconds of reflection and conformance scans
/// (a quarter of showing a short article), more than laying the article out. Only that
/// exact shape of command line, naming a file that exists, takes this way; anything else
/// (a library id, a URL, other options, a bad width) goes through the parser as before,
/// and so gets its messages. Both ways run the same import and layout code.
enum QuickShow {
  struct Request: Equatable {
    var path: String
    var width: Int
    var hyphenate: Bool
  }

  /// The request `arguments` (without the program's name) make, or nil when they are not
  /// exactly `show FILE --width W` with an optional `--no-hyphenate` and `--library PATH`
  /// (unused for a file), in any order.
  static func request(_ arguments: [String]) -> Request? {
    guard arguments.first == "show", arguments.count <= 7 else { return nil }
    var path: String?
    var width: Int?
    var hyphenate = true
    var rest = arguments.dropFirst()
    while let argument = rest.popFirst() {
      if argument == "--width" {
        guard width == nil, let value = rest.popFirst() else { return nil }
        width = Self.width(value)
      } else if argument.hasPrefix("--width=") {
        guard width == nil else { return nil }
        width = Self.width(String(argument.dropFirst("--width=".count)))
      } else if argument == "--library" {
        // The library is not opened for a file.
        guard rest.popFirst() != nil else { return nil }
      } else if argument.hasPrefix("--library=") {
        continue
      } else if argument == "--no-hyphenate" {
        guard hyphenate else { return nil }
        hyphenate = false
      } else if !argument.hasPrefix("-"), path == nil {
        path = argument
      } else {
        return nil
      }
      if argument.hasPrefix("--width"), width == nil { return nil }
    }
    guard let path, let width else { return nil }
    return Request(path: path, width: width, hyphenate: hyphenate)
  }

  private static func width(_ text: String) -> Int? {
    guard let value = Int(text), (1...ShowCommand.maximumWidth).contains(value) else { return nil }
    return value
  }

  /// Shows the file when `arguments` ask exactly that of an existing file, then exits;
  /// false when they are for the parser. Exits with status 1 after a failure, as the
  /// parser's way does.
  static func runIfAsked(_ arguments: [String]) -> Bool {
    PhaseTrace.mark("show: start")
    guard let request = request(arguments) else { return false }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: request.path, isDirectory: &isDirectory),
      !isDirectory.boolValue
    else { return false }
    HeapTuning.keepLargeBuffersInHeap()
    HeapTuning.preferHugePagesInHeap()
    if request.hyphenate { prepareHyphenation(request.path) }
    do {
      let input = InputFiles.Input(path: request.path)
      let imported = try ShowCommand.importInput(input, timeout: ShowCommand.defaultTimeout)
      PhaseTrace.mark("show: imported")
      ShowCommand.printWhole(
        imported.metadata, imported.document, width: request.width, hyphenate: request.hyphenate)
      PhaseTrace.mark("show: written")
      // Everything is written (unbuffered): freeing a book's blocks one by one on the way
      // out would only make the run longer.
      exit(0)
    } catch {
      Console.error(error)
      exit(1)
    }
    return true
  }

  /// Loads, on another thread, the hyphenation patterns of the language the file's first
  /// 16 KB suggest, while this one reads and imports the whole. For a file of a megabyte
  /// or more, FriBidi is loaded there too, by asking whether a right-to-left line would
  /// lack it: for a book, `printWhole` asks only whether FriBidi is there, and its
  /// `dlopen` (about 0.2 ms) held up the layout on this thread. (A short text is looked
  /// through for right-to-left letters first, and most never load it.)
  private static func prepareHyphenation(_ path: String) {
    DispatchQueue.global().async {
      guard let file = FileHandle(forReadingAtPath: path),
        let head = try? file.read(upToCount: 16_384)
      else { return }
      try? file.close()
      let text = String(decoding: head, as: UTF8.self)
      PlainTextRenderer.prepareHyphenation(language: PlainTextImporter.likelyLanguage(head: text))
      PhaseTrace.mark("show: hyphenation patterns loaded")
      var status = stat()
      guard stat(path, &status) == 0, status.st_size >= 1 << 20 else { return }
      let hebrew = Document(blocks: [Block(.paragraph, text: "\u{5D0}")])
      _ = RightToLeftText.missingSupport(in: hebrew)
      PhaseTrace.mark("show: right-to-left support loaded")
    }
  }
}
