import Foundation
import LeggioModel

/// Reads W3C Web Annotation JSON-LD back: Leggio's own exports without loss, and other
/// tools' annotations as far as they carry a `TextQuoteSelector`.
struct W3CAnnotationReader {
  /// Names the file in errors and skip reasons.
  let source: String
  /// The article UUID for a target `source` that is a web address, from the library.
  let resolveArticle: (String) -> String?
  /// Finds the article from everything the annotation says of it (see `AnnotationImporter`).
  var locate: ((ArticleClue) -> String?)? = nil

  /// The annotation objects in a single annotation, an array, a page or a collection.
  static func items(in json: Any) -> [[String: Any]]? {
    if let array = json as? [Any] { return array.compactMap { $0 as? [String: Any] } }
    guard let object = json as? [String: Any] else { return nil }
    let types = strings(object["type"])
    if types.contains("Annotation") { return [object] }
    if types.contains("AnnotationPage") { return items(in: object["items"] ?? []) }
    if types.contains("AnnotationCollection") {
      if let first = object["first"] { return items(in: first) }
      return items(in: object["items"] ?? [])
    }
    return nil
  }

  /// The annotation `object` describes, or why it cannot be read.
  func annotation(_ object: [String: Any]) -> Result<Annotation, AnnotationError> {
    let id = (object["id"] as? String) ?? (object["@id"] as? String)
    let uuid = id.map(Self.uuid(fromID:)) ?? UUIDv7.string()
    let target = Self.firstObject(object["target"])
    let selectors = Self.objects(target?["selector"])
    guard
      let quoteSelector = selectors.first(where: {
        Self.strings($0["type"]).contains("TextQuoteSelector")
      }),
      let quote = quoteSelector["exact"] as? String, !quote.isEmpty
    else { return .failure(skip(id, "it has no TextQuoteSelector with the quoted text")) }
    guard let articleUUID = articleUUID(object, target: target, quote: quote) else {
      let where_ = (target?["source"] as? String) ?? "no source"
      return .failure(skip(id, "its target (\(where_)) is not an article in the library"))
    }
    let position = selectors.first { Self.strings($0["type"]).contains("TextPositionSelector") }
    let start = Self.integer(position?["start"]) ?? 0
    let end = Self.integer(position?["end"]) ?? start + quote.unicodeScalars.count

    var note: [String] = []
    var name: String?
    var tags: [String] = []
    if let value = object["bodyValue"] as? String { note.append(value) }
    for body in Self.objects(object["body"]) {
      guard let value = body["value"] as? String else { continue }
      switch Self.strings(body["purpose"]).first {
      case "tagging": tags.append(value)
      case "describing", "identifying": name = value
      default: note.append(value)
      }
    }
    let motivations = Self.strings(object["motivation"])
    let kind: Annotation.Kind =
      motivations.contains("bookmarking")
      ? .bookmark
      : motivations.contains("commenting")
        || (!note.isEmpty && !motivations.contains("highlighting"))
        ? .note : .highlight
    let colorNumber =
      Self.integer(object["leggio:color"])
      ?? (target?["styleClass"] as? String).flatMap {
        Int($0.replacingOccurrences(of: "leggio-color-", with: ""))
      }
    let created = (object["created"] as? String).flatMap(ExportFormatting.date) ?? Date()
    let modified = (object["modified"] as? String).flatMap(ExportFormatting.date) ?? created
    return .success(
      Annotation(
        uuid: uuid, articleUUID: articleUUID, kind: kind,
        anchor: TextAnchor(
          start: start, end: max(end, start + 1), quote: quote,
          prefix: quoteSelector["prefix"] as? String ?? "",
          suffix: quoteSelector["suffix"] as? String ?? "",
          textHash: object["leggio:textHash"] as? String ?? ""),
        note: note.joined(separator: "\n\n"),
        color: colorNumber.flatMap(AnnotationColor.init(rawValue:)),
        name: name, tags: tags, isOrphaned: object["leggio:orphaned"] as? Bool ?? false,
        createdAt: created, updatedAt: modified))
  }

  private func articleUUID(_ object: [String: Any], target: [String: Any]?, quote: String)
    -> String?
  {
    if let locate {
      let source = (target?["source"] as? String) ?? (object["target"] as? String)
      var uuid = object["leggio:article"] as? String
      var webSource = source
      for prefix in ["urn:uuid:", "leggio://article/"]
      where source?.lowercased().hasPrefix(prefix) == true {
        uuid = uuid ?? source.map { String($0.dropFirst(prefix.count).prefix { $0 != "#" }) }
        webSource = nil
      }
      return locate(
        ArticleClue(
          uuid: uuid, identity: object["leggio:identity"] as? String, source: webSource,
          textHash: object["leggio:textHash"] as? String, quote: quote))
    }
    if let uuid = object["leggio:article"] as? String { return uuid }
    guard let source = (target?["source"] as? String) ?? (object["target"] as? String) else {
      return nil
    }
    for prefix in ["urn:uuid:", "leggio://article/"] where source.lowercased().hasPrefix(prefix) {
      return String(source.dropFirst(prefix.count).prefix { $0 != "#" })
    }
    return resolveArticle(source)
  }

  private func skip(_ id: String?, _ reason: String) -> AnnotationError {
    .unreadableImport(
      source: source, reason: "annotation \(id ?? "without an id") skipped: \(reason)")
  }

  /// The UUID in a `urn:uuid:` id, or a stable UUID (version 8) derived from any other id,
  /// so importing the same file twice does not duplicate its annotations.
  static func uuid(fromID id: String) -> String {
    let lower = id.lowercased()
    if lower.hasPrefix("urn:uuid:"), UUID(uuidString: String(lower.dropFirst(9))) != nil {
      return String(lower.dropFirst(9))
    }
    var high: UInt64 = 0xcbf2_9ce4_8422_2325
    var low: UInt64 = 0x6c62_272e_07bb_0142
    for byte in id.utf8 {
      high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ high
    }
    let hex = String(format: "%016llx%016llx", high, low)
    var digits = Array(hex)
    digits[12] = "8"
    digits[16] = Array("89ab")[Int(String(digits[16]), radix: 16)! & 3]
    let text = String(digits)
    return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
      String(
        text[
          text.index(
            text.startIndex, offsetBy: range.lowerBound)..<text.index(
              text.startIndex, offsetBy: range.upperBound)])
    }.joined(separator: "-")
  }

  static func strings(_ value: Any?) -> [String] {
    if let string = value as? String { return [string] }
    return (value as? [Any])?.compactMap { $0 as? String } ?? []
  }

  static func objects(_ value: Any?) -> [[String: Any]] {
    if let object = value as? [String: Any] { return [object] }
    return (value as? [Any])?.compactMap { $0 as? [String: Any] } ?? []
  }

  static func firstObject(_ value: Any?) -> [String: Any]? { objects(value).first }

  static func integer(_ value: Any?) -> Int? {
    if let number = value as? Int { return number }
    if let number = value as? Double, number.rounded() == number { return Int(number) }
    if let number = value as? NSNumber { return number.intValue }
    return nil
  }
}
