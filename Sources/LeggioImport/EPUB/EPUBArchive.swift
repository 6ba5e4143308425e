import Foundation
import ZIPFoundation

/// The ZIP container of a book, read in memory: nothing is ever written to disk.
///
/// Opening it checks every entry's name (none may leave the book) and the sizes the
/// archive declares (a total, a per-entry limit and a compression ratio, against zip
/// bombs); reading an entry counts the bytes actually inflated, so an entry whose header
/// understates its size is stopped too. Entries are found by their exact name, else by
/// a name differing only in case or in percent-encoding, as careless books need.
struct EPUBArchive {
  /// How far a book may expand.
  struct Limits: Sendable {
    /// All entries together, uncompressed.
    var total = 512 * 1024 * 1024
    /// One entry, uncompressed.
    var entry = 128 * 1024 * 1024
    /// Uncompressed over compressed size, checked for entries above `ratioFloor` bytes.
    var ratio = 200
    var ratioFloor = 1024 * 1024
  }

  let name: String
  private let archive: Archive
  /// The archive's bytes, for readers of its entries on other threads (`reader()`).
  private let bytes: Data
  private let limits: Limits
  private var entries: [String: Entry] = [:]
  /// Where each entry's data lies, for inflating it with libdeflate (`ZIPEntryLocation`).
  private var locations: [String: ZIPEntryLocation] = [:]
  private var folded: [String: String] = [:]
  /// Every entry name, in the archive's order.
  private(set) var paths: [String] = []

  init(data: Data, name: String, limits: Limits = Limits()) throws(EPUBError) {
    self.name = name
    self.limits = limits
    guard data.starts(with: [0x50, 0x4B]) else { throw .notZip(name: name) }
    let located: [ZIPEntryLocation]
    do {
      located = try ZIPBounds.check(data)
    } catch {
      throw .damaged(name: name, detail: error.detail)
    }
    let opened: Archive
    do {
      opened = try Archive(data: data, accessMode: .read)
    } catch {
      throw .damaged(name: name, detail: "its ZIP directory cannot be read")
    }
    archive = opened
    bytes = data
    var total = 0
    var count = 0
    for entry in opened {
      // ZIPFoundation lists the entries in the directory's order, as `ZIPBounds` does.
      let location = count < located.count ? located[count] : nil
      count += 1
      let path = entry.path
      guard Self.isSafe(path) else { throw .unsafeName(name: name, entry: path) }
      let size = Int(clamping: entry.uncompressedSize)
      let compressed = max(1, Int(clamping: entry.compressedSize))
      guard size <= limits.entry else {
        throw .tooLarge(
          name: name,
          detail: "\(Self.printable(path)) would be \(ImportError.describe(bytes: size))")
      }
      if size > limits.ratioFloor, size / compressed > limits.ratio {
        throw .tooLarge(
          name: name,
          detail: "\(Self.printable(path)) is compressed \(size / compressed) to 1")
      }
      total += size
      guard total <= limits.total else {
        throw .tooLarge(
          name: name, detail: "more than \(ImportError.describe(bytes: limits.total))")
      }
      guard entry.type == .file else { continue }
      paths.append(path)
      entries[path] = entry
      if let location, location.matches(entry) { locations[path] = location }
      folded[path.lowercased()] = folded[path.lowercased()] ?? path
    }
    // ZIPFoundation stops at the first unreadable directory record: a cut archive.
    if count == 0 && data.count > 22 && !Self.isEmptyArchive(data) {
      throw .damaged(name: name, detail: "its ZIP directory is unreadable")
    }
  }

  /// Whether a name stays inside the book: relative, no `..` step, no backslash, no
  /// drive letter, no control character.
  static func isSafe(_ path: String) -> Bool {
    if path.isEmpty || path.hasPrefix("/") || path.contains("\\") { return false }
    if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      return false
    }
    let components = path.split(separator: "/", omittingEmptySubsequences: false)
    if components.contains("..") { return false }
    if let first = components.first, first.count == 2, first.last == ":" { return false }
    return true
  }

  private static func isEmptyArchive(_ data: Data) -> Bool {
    data.count == 22 && data.starts(with: [0x50, 0x4B, 0x05, 0x06])
  }

  private static func printable(_ path: String) -> String { EPUBError.printable(path) }

  /// The name of the entry that `path` means: exact, else percent-decoded or
  /// percent-encoded, else the same ignoring case.
  func resolve(_ path: String) -> String? {
    if entries[path] != nil { return path }
    var candidates: [String] = []
    if let decoded = path.removingPercentEncoding, decoded != path { candidates.append(decoded) }
    if let encoded = path.addingPercentEncoding(withAllowedCharacters: Self.pathCharacters),
      encoded != path
    {
      candidates.append(encoded)
    }
    for candidate in candidates where entries[candidate] != nil { return candidate }
    for candidate in [path] + candidates {
      if let match = folded[candidate.lowercased()] { return match }
    }
    return nil
  }

  private static let pathCharacters: CharacterSet = {
    var set = CharacterSet.urlPathAllowed
    set.remove(charactersIn: "%")
    return set
  }()

  /// Whether the archive holds `path` (as `resolve` finds it).
  func contains(_ path: String) -> Bool { resolve(path) != nil }

  /// The bytes of the entry `path` means, or nil if there is none. Stops with
  /// `.tooLarge` as soon as more bytes come out than the entry declared or the limit.
  func data(at path: String) throws(EPUBError) -> Data? {
    guard let resolved = resolve(path), let entry = entries[resolved] else { return nil }
    if let location = locations[resolved], location.size <= limits.entry,
      let data = location.inflate(from: bytes)
    {
      return data
    }
    return try Self.inflate(entry, named: resolved, from: archive, limits: limits, book: name)
  }

  /// The entries named `resolved` (names `resolve` returned), for reading them on
  /// several threads at once.
  func shared(_ resolved: [String]) -> Shared {
    Shared(
      book: name, bytes: bytes, limits: limits,
      entries: resolved.map { ($0, entries[$0], locations[$0]) })
  }

  /// Entries of the archive that threads inflate side by side: ZIPFoundation's `Archive`
  /// reads through one seekable stream, so each thread opens its own over the same bytes
  /// (not copied). Unchecked: its values are never changed, and ZIPFoundation's `Entry`
  /// is a value of plain fields that does not declare itself `Sendable`.
  struct Shared: @unchecked Sendable {
    fileprivate let book: String
    fileprivate let bytes: Data
    fileprivate let limits: Limits
    fileprivate let entries: [(name: String, entry: Entry?, location: ZIPEntryLocation?)]

    var count: Int { entries.count }

    /// How many bytes entry `index` inflates to, as the archive declares: how long it is
    /// to read and convert, for taking the long ones first.
    func declaredSize(_ index: Int) -> Int {
      let (_, entry, location) = entries[index]
      return location?.size ?? entry.map { Int(clamping: $0.uncompressedSize) } ?? 0
    }

    /// ZIPFoundation's reader of the archive, opened on a thread the first time an entry
    /// there is one libdeflate did not read (each thread needs its own).
    struct Reader {
      fileprivate var opened: Result<Archive, EPUBError>?
      init() {}
    }

    /// The bytes of entry `index` (nil for a name the archive lacks), or its error.
    func data(_ index: Int, reader: inout Reader) -> Result<Data?, EPUBError> {
      let (name, entry, location) = entries[index]
      guard let entry else { return .success(nil) }
      if let location, location.size <= limits.entry,
        let data = location.inflate(from: bytes)
      {
        return .success(data)
      }
      if reader.opened == nil {
        do {
          reader.opened = .success(try Archive(data: bytes, accessMode: .read))
        } catch {
          reader.opened = .failure(
            .damaged(name: book, detail: "its ZIP directory cannot be read"))
        }
      }
      guard case .success(let stream) = reader.opened else {
        if case .failure(let failure) = reader.opened { return .failure(failure) }
        return .success(nil)
      }
      do throws(EPUBError) {
        return .success(
          try EPUBArchive.inflate(entry, named: name, from: stream, limits: limits, book: book))
      } catch {
        return .failure(error)
      }
    }
  }

  private static func inflate(
    _ entry: Entry, named resolved: String, from archive: Archive, limits: Limits, book name: String
  ) throws(EPUBError) -> Data {
    let declared = Int(clamping: entry.uncompressedSize)
    let allowed = min(declared, limits.entry)
    var result = Data()
    result.reserveCapacity(allowed)
    do {
      _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
        guard result.count + chunk.count <= allowed else { throw Overflow() }
        result.append(chunk)
      }
    } catch is Overflow {
      throw .tooLarge(
        name: name, detail: "\(Self.printable(resolved)) inflates past its declared size")
    } catch {
      throw .damaged(name: name, detail: "\(Self.printable(resolved)) cannot be inflated")
    }
    return result
  }

  private struct Overflow: Error {}
}
