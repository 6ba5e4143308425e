import Foundation
import LeggioCore

/// What `leggio add` and `leggio show PATH` read: the files named, the importable files
/// inside the directories named, or standard input, each checked before it is imported.
enum InputFiles {
  /// The extensions Leggio imports from a directory.
  static let extensions = ["txt", "text", "md", "markdown", "html", "htm"]
  /// Larger files are refused: far above any article or novel, well below what would
  /// stall the reader.
  static let sizeLimit = 64 * 1_048_576

  /// One thing to import: a file, or standard input (`path` "-").
  struct Input {
    var path: String
    var isStandardInput: Bool { path == "-" }
    /// The absolute path, the article's source.
    var absolutePath: String? {
      isStandardInput ? nil : URL(fileURLWithPath: path).standardizedFileURL.path
    }
  }

  /// Expands `arguments` into files to import; problems with an argument (missing, a
  /// directory with nothing importable) are returned beside the inputs that are fine.
  static func expand(_ arguments: [String]) -> (inputs: [Input], errors: [CLIError]) {
    var inputs: [Input] = []
    var errors: [CLIError] = []
    let manager = FileManager.default
    for argument in arguments {
      if argument == "-" {
        inputs.append(Input(path: "-"))
        continue
      }
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
        errors.append(.notFound(path: argument))
        continue
      }
      guard isDirectory.boolValue else {
        inputs.append(Input(path: argument))
        continue
      }
      let found = importableFiles(in: argument)
      if found.isEmpty {
        errors.append(.nothingImportable(directory: argument))
      }
      inputs += found.map { Input(path: $0) }
    }
    return (inputs, errors)
  }

  /// The importable files under `directory`, recursively, hidden ones skipped, sorted.
  static func importableFiles(in directory: String) -> [String] {
    let base = URL(fileURLWithPath: directory)
    guard
      let enumerator = FileManager.default.enumerator(
        at: base, includingPropertiesForKeys: [.isRegularFileKey],
        options: [.skipsHiddenFiles])
    else { return [] }
    var files: [String] = []
    for case let url as URL in enumerator where isImportable(url) {
      if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
        files.append(url.path)
      }
    }
    return files.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
  }

  /// Whether a directory walk picks this file up.
  static func isImportable(_ url: URL) -> Bool {
    extensions.contains(url.pathExtension.lowercased())
  }

  /// Reads and checks one input: readable, not empty, not too large, not binary.
  static func read(_ input: Input) throws -> Data {
    if input.isStandardInput {
      let data = FileHandle.standardInput.readDataToEndOfFile()
      try check(data, path: "standard input")
      return data
    }
    let path = input.path
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw CLIError.notFound(path: path)
    }
    let attributes = try? manager.attributesOfItem(atPath: path)
    if isDirectory.boolValue || (attributes?[.type] as? FileAttributeType) != .typeRegular {
      throw CLIError.notAFileOrDirectory(path: path)
    }
    let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
    if size > sizeLimit { throw CLIError.tooLarge(path: path, bytes: size, limit: sizeLimit) }
    guard manager.isReadableFile(atPath: path),
      let data = try? Data(contentsOf: URL(fileURLWithPath: path))
    else { throw CLIError.unreadable(path: path) }
    try check(data, path: path)
    return data
  }

  /// Refuses what cannot be an article: nothing, too much, or bytes that are not text.
  static func check(_ data: Data, path: String) throws {
    if data.count > sizeLimit {
      throw CLIError.tooLarge(path: path, bytes: data.count, limit: sizeLimit)
    }
    if data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains($0) }) {
      throw CLIError.emptyFile(path: path)
    }
    if let reason = BinarySniffer.reasonNotText(data) {
      throw CLIError.notText(path: path, reason: reason)
    }
  }

  /// Imports one checked input without storing it; its source is its absolute path.
  static func importArticle(_ input: Input) throws -> ImportedArticle {
    let data = try read(input)
    // The importer names the input in its errors and falls back on it for a title.
    var article = try ArticleImporter.importData(data, name: input.path)
    if article.metadata.source == nil { article.metadata.source = input.absolutePath }
    return article
  }
}
