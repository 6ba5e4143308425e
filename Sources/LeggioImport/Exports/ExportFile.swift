import Foundation
import ZIPFoundation

/// One file of an export: a file given alone, a file of a directory, or an entry of a zip.
public struct ExportFile: Sendable {
  /// The path inside the export (`content/slug.html`), or the file's name.
  public var name: String
  public var data: Data

  public init(name: String, data: Data) {
    self.name = name
    self.data = data
  }

  /// The last component of `name`.
  public var baseName: String { (name as NSString).lastPathComponent }

  /// The text, UTF-8 (a BOM dropped; invalid bytes replaced).
  public var text: String {
    var bytes = data
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The files of the export at `path`: the file itself, every file under a directory,
  /// or every entry of a zip (macOS `__MACOSX` resource forks and hidden files left out).
  static func files(at path: String) throws -> [ExportFile] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ExportError.missing(path: path)
    }
    if isDirectory.boolValue { return try directory(path) }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw ExportError.unreadable(path: path, reason: error.localizedDescription)
    }
    if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try zipEntries(data, path: path) }
    return [ExportFile(name: (path as NSString).lastPathComponent, data: data)]
  }

  static func directory(_ path: String) throws -> [ExportFile] {
    let root = URL(fileURLWithPath: path).standardizedFileURL
    guard
      let walker = FileManager.default.enumerator(
        at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    else { throw ExportError.unreadable(path: path, reason: "the directory cannot be listed") }
    var files: [ExportFile] = []
    for case let url as URL in walker {
      guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
      else { continue }
      let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
      guard let data = try? Data(contentsOf: url) else {
        throw ExportError.unreadable(path: url.path, reason: "the file cannot be read")
      }
      if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
        files += try zipEntries(data, path: url.path)
      } else {
        files.append(ExportFile(name: relative, data: data))
      }
    }
    return files.sorted { $0.name < $1.name }
  }

  static func zipEntries(_ data: Data, path: String) throws -> [ExportFile] {
    do {
      try ZIPBounds.check(data)
    } catch {
      throw ExportError.malformed(
        path: path, entry: nil, reason: "not a readable zip archive (\(error.detail))")
    }
    let archive: Archive
    do {
      archive = try Archive(data: data, accessMode: .read)
    } catch {
      throw ExportError.malformed(
        path: path, entry: nil, reason: "not a readable zip archive (\(error))")
    }
    var files: [ExportFile] = []
    for entry in archive where entry.type == .file {
      let name = entry.path
      let base = (name as NSString).lastPathComponent
      if name.hasPrefix("__MACOSX/") || base.hasPrefix(".") { continue }
      var bytes = Data()
      do {
        _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
      } catch {
        throw ExportError.malformed(
          path: path, entry: name, reason: "cannot be extracted (\(error))")
      }
      files.append(ExportFile(name: name, data: bytes))
    }
    return files.sorted { $0.name < $1.name }
  }
}
