import CHyphen
import Foundation

/// A libhyphen pattern dictionary (the TeX/LibreOffice patterns Debian ships as
/// `hyphen-it`, `hyphen-en-us`, ...), loaded once per language and shared by every layout.
/// Nil when the library or a dictionary for the language is missing: then nothing is
/// hyphenated and the layout is otherwise the same.
final class HyphenDictionary: @unchecked Sendable {
  /// Where Debian installs the dictionaries; `LEGGIO_HYPHEN_DIR` overrides it.
  static var directory: String { environment("LEGGIO_HYPHEN_DIR") ?? "/usr/share/hyphen" }

  /// One environment variable, read with `getenv`: `ProcessInfo`'s environment builds a
  /// dictionary of every variable, which cost more than loading the Italian patterns.
  private static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  private let handle: UnsafeMutableRawPointer
  /// The language's primary subtag ("it", "en").
  let language: String

  private init(handle: UnsafeMutableRawPointer, language: String) {
    self.handle = handle
    self.language = language
  }

  /// The dictionary in file `path` for `language`, compiled in directory `cache` (nil:
  /// read from the text alone); nil when it cannot be read.
  convenience init?(path: String, cache: String?, language: String) {
    guard leggio_hyphen_load(nil, 0) == 0, let handle = Self.open(path, cache: cache) else {
      return nil
    }
    self.init(handle: handle, language: language)
  }

  nonisolated(unsafe) private static var loaded: [String: HyphenDictionary?] = [:]
  private static let lock = NSLock()

  /// The dictionary for BCP 47 tag `tag` ("it", "en-GB", "pt_BR"), nil when none is
  /// installed or libhyphen is missing.
  static func forLanguage(_ tag: String) -> HyphenDictionary? {
    let parts = tag.split(whereSeparator: { $0 == "-" || $0 == "_" })
    guard let primary = parts.first?.lowercased(), !primary.isEmpty,
      primary.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return nil }
    let region = parts.dropFirst().first { $0.count == 2 }?.uppercased()
    let key = primary + (region.map { "_" + $0 } ?? "")
    lock.lock()
    defer { lock.unlock() }
    if let known = loaded[key] { return known }
    let dictionary = load(primary: primary, region: region)
    loaded[key] = dictionary
    return dictionary
  }

  private static func load(primary: String, region: String?) -> HyphenDictionary? {
    guard leggio_hyphen_load(nil, 0) == 0 else { return nil }
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    // hyph_it_IT.dic for "it-IT", else hyph_it.dic, else any hyph_it_*.dic (hyph_en_US.dic
    // for "en", hyph_en_GB.dic when that is all there is).
    var candidates: [String] = []
    if let region { candidates.append("hyph_\(primary)_\(region).dic") }
    candidates.append("hyph_\(primary).dic")
    candidates += files.filter { $0.hasPrefix("hyph_\(primary)_") && $0.hasSuffix(".dic") }.sorted()
    for name in candidates where files.contains(name) {
      if let handle = open(directory + "/" + name, cache: cacheDirectory) {
        return HyphenDictionary(handle: handle, language: primary)
      }
    }
    return nil
  }

  /// libhyphen's dictionary at `path`, kept compiled in directory `cache` (created when
  /// missing) when there is one: read from the text it costs en-US 13 ms a run, from the
  /// compiled file about one. The file is named after the dictionary it was made
  /// from and remade when that changes (`leggio_hyphen_dictionary_cached`).
  static func open(_ path: String, cache: String?) -> UnsafeMutableRawPointer? {
    guard let cache else { return leggio_hyphen_dictionary(path) }
    let name =
      (realpath(path, nil).map { resolved in
        defer { free(resolved) }
        return String(cString: resolved)
      } ?? path).split(separator: "/").last.map(String.init) ?? path
    let file = cache + "/" + name + ".compiled"
    if access(file, F_OK) != 0 {
      try? FileManager.default.createDirectory(
        atPath: cache, withIntermediateDirectories: true)
    }
    return leggio_hyphen_dictionary_cached(path, file)
  }

  /// Where compiled dictionaries are kept: `$XDG_CACHE_HOME/leggio/hyphen`, else
  /// `~/.cache/leggio/hyphen`; `LEGGIO_HYPHEN_CACHE` overrides it, and set empty turns
  /// the cache off.
  static var cacheDirectory: String? {
    if let chosen = environment("LEGGIO_HYPHEN_CACHE") { return chosen.isEmpty ? nil : chosen }
    if let base = environment("XDG_CACHE_HOME"), base.hasPrefix("/") {
      return base + "/leggio/hyphen"
    }
    guard let home = environment("HOME"), home.hasPrefix("/") else { return nil }
    return home + "/.cache/leggio/hyphen"
  }

  /// The letters of `word` (lower case UTF-8, `count` letters, at most
  /// `HyphenPointsTable.longestWord`) after which it may break by the patterns, at least
  /// `Hyphenator.minimum` from its ends: bit k of the mask for a break after k letters.
  /// `hash` is the word's `HyphenPointsTable.hash`.
  func points(_ word: UnsafeBufferPointer<UInt8>, count: Int, hash: UInt64) -> UInt64 {
    // Shared by the slices a long book is laid out in (each keeps its own first table),
    // so a word is given to libhyphen once per dictionary.
    cacheLock.lock()
    let known = cache.points(word, hash: hash)
    cacheLock.unlock()
    if let known { return known }
    let minimum = Hyphenator.minimum
    let found = computePoints(word, count: count, leftMin: minimum, rightMin: minimum)
    cacheLock.lock()
    if cache.points(word, hash: hash) == nil { cache.insert(word, hash: hash, points: found) }
    cacheLock.unlock()
    return found
  }

  private var cache = HyphenPointsTable(capacity: 16_384)
  private let cacheLock = NSLock()

  /// The mask of `points` for `word` from libhyphen, the word and its marks in one
  /// temporary buffer (four arrays for each word had cost as much as libhyphen).
  private func computePoints(
    _ word: UnsafeBufferPointer<UInt8>, count: Int, leftMin: Int, rightMin: Int
  ) -> UInt64 {
    let length = word.count
    // libhyphen reads the word as a C string past `size` (its NOHYPHEN rules search it
    // with strstr and mark what they find): without the terminator it reads and writes
    // beyond both buffers.
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 2 * length + 6) { buffer in
      let terminated = buffer.baseAddress!
      let marks = terminated + length + 1
      word.withMemoryRebound(to: CChar.self) { chars in
        if let source = chars.baseAddress { terminated.update(from: source, count: length) }
      }
      terminated[length] = 0
      marks.initialize(repeating: 0, count: length + 5)
      let status = leggio_hyphen_hyphenate(
        handle, terminated, Int32(length), marks, Int32(leftMin), Int32(rightMin))
      guard status == 0 else { return 0 }
      var points: UInt64 = 0
      for k in 0..<max(0, count - 1) where marks[k] & 1 == 1 {
        if k + 1 >= leftMin && count - (k + 1) >= rightMin { points |= 1 << UInt64(k + 1) }
      }
      return points
    }
  }
}
