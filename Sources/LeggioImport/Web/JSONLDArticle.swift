import Foundation

/// The article fields of a page's JSON-LD (`NewsArticle`, `Article`, `BlogPosting`...),
/// found at the top level, in arrays or in `@graph`.
struct JSONLDArticle {
  var headline: String?
  var authors: [String] = []
  /// Whether every author is typed as an organisation (the publisher, not a writer).
  var authorsAreOrganisations = false
  /// Whether the authors were named through an `@id` reference: Yoast's graph names the
  /// account that posted, which is the writer only when the page shows that name too.
  var authorsByReference = false
  var datePublished: String?
  /// `dateModified`: the date to show when nothing says when the page was published.
  var dateModified: String?
  var publisher: String?
  var description: String?
  var section: String?
  var language: String?
  /// `articleBody` as written (lines kept): the text when the visible page shows little.
  var articleBody: String?

  static let articleTypes: Set<String> = [
    "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "TechArticle",
    "ScholarlyArticle", "SocialMediaPosting", "LiveBlogPosting", "Report",
    "MedicalScholarlyArticle",
    "AdvertiserContentArticle", "SatiricalArticle", "DiscussionForumPosting", "Blog",
  ]

  private static let cdataNeedle = ByteNeedle("<![CDATA[")

  /// The first article object in the page's `application/ld+json` scripts (as
  /// `MetadataSources` finds them). Without one, the dates of the first object that has
  /// them (a `WebPage`, a `HowTo`, a `Recipe`): a page's dates whatever its type.
  static func read(_ scripts: [HTMLNode]) -> JSONLDArticle? {
    var dated: JSONLDArticle?
    for script in scripts {
      var source = script.textContent
      if ReadabilityPatterns.matches(source, [cdataNeedle]) {
        source = source.replacingOccurrences(of: "<![CDATA[", with: "")
          .replacingOccurrences(of: "]]>", with: "")
      }
      let data = Data(source.utf8)
      guard
        let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
      else { continue }
      if let object = findArticle(in: json) {
        var nodes: [String: [String: Any]] = [:]
        collectNodes(json, into: &nodes)
        return JSONLDArticle(object, nodes: nodes)
      }
      if dated == nil, let object = findDated(in: json) {
        var dates = JSONLDArticle()
        dates.datePublished = string(object["datePublished"]) ?? string(object["dateCreated"])
        dates.dateModified = string(object["dateModified"])
        dated = dates
      }
    }
    return dated
  }

  private init() {}

  /// The first object, at any depth, that declares when it was published or changed.
  private static func findDated(in json: Any) -> [String: Any]? {
    if let array = json as? [Any] {
      for element in array { if let found = findDated(in: element) { return found } }
      return nil
    }
    guard let object = json as? [String: Any] else { return nil }
    if ["datePublished", "dateCreated", "dateModified"].contains(where: { object[$0] is String }) {
      return object
    }
    if let graph = object["@graph"] { return findDated(in: graph) }
    return nil
  }

  private static func findArticle(in json: Any) -> [String: Any]? {
    if let array = json as? [Any] {
      for element in array { if let found = findArticle(in: element) { return found } }
      return nil
    }
    guard let object = json as? [String: Any] else { return nil }
    if types(of: object).contains(where: articleTypes.contains) { return object }
    if let graph = object["@graph"] { return findArticle(in: graph) }
    return nil
  }

  private static func types(of object: [String: Any]) -> [String] {
    if let type = object["@type"] as? String { return [type] }
    return object["@type"] as? [String] ?? []
  }

  /// Every object of a script that has an `@id`, by id: Yoast and others name the author
  /// once in `@graph` and point to it (`"author": {"@id": "…#/schema/person/…"}`).
  private static func collectNodes(_ json: Any, into nodes: inout [String: [String: Any]]) {
    if let array = json as? [Any] {
      for element in array { collectNodes(element, into: &nodes) }
    } else if let object = json as? [String: Any] {
      if let id = object["@id"] as? String, object.count > 1, nodes[id] == nil {
        nodes[id] = object
      }
      if let graph = object["@graph"] { collectNodes(graph, into: &nodes) }
    }
  }

  private init(_ object: [String: Any], nodes: [String: [String: Any]]) {
    headline = Self.string(object["headline"]) ?? Self.string(object["name"])
    let declared = object["author"] ?? object["creator"]
    let authorValue = Self.resolve(declared, in: nodes)
    authors = Self.names(authorValue)
    authorsByReference = Self.names(declared).isEmpty && !authors.isEmpty
    let authorObjects =
      (authorValue as? [Any])?.compactMap { $0 as? [String: Any] }
      ?? (authorValue as? [String: Any]).map { [$0] } ?? []
    authorsAreOrganisations =
      !authorObjects.isEmpty
      && authorObjects.allSatisfy { Self.types(of: $0).contains { $0.hasSuffix("Organization") } }
    datePublished = Self.string(object["datePublished"]) ?? Self.string(object["dateCreated"])
    dateModified = Self.string(object["dateModified"])
    publisher = Self.names(object["publisher"]).first
    description = Self.string(object["description"])
    section = Self.string(object["articleSection"])
    language = Self.string(object["inLanguage"]) ?? Self.names(object["inLanguage"]).first
    articleBody = (object["articleBody"] as? String).flatMap { $0.isEmpty ? nil : $0 }
  }

  /// `{"@id": …}` references replaced by the objects they name.
  private static func resolve(_ value: Any?, in nodes: [String: [String: Any]]) -> Any? {
    if let array = value as? [Any] { return array.map { resolve($0, in: nodes) ?? $0 } }
    guard let object = value as? [String: Any], object["name"] == nil,
      let id = object["@id"] as? String
    else { return value }
    return nodes[id] ?? object
  }

  /// A string, or the first string of an array.
  private static func string(_ value: Any?) -> String? {
    if let text = value as? String {
      let trimmed = text.collapsingWhitespace()
      return trimmed.isEmpty ? nil : trimmed
    }
    if let array = value as? [Any] { return array.lazy.compactMap { string($0) }.first }
    return nil
  }

  /// Names of a person or organisation value: a string, an object with `name`, or a list.
  private static func names(_ value: Any?) -> [String] {
    if let text = string(value as? String) { return [text] }
    if let object = value as? [String: Any] {
      return string(object["name"]).map { [$0] } ?? []
    }
    if let array = value as? [Any] { return array.flatMap { names($0) } }
    return []
  }
}
