import Foundation

/// The article fields of a page's JSON-LD (`NewsArticle`, `Article`, `BlogPosting`...),
/// found at the top level, in arrays or in `@graph`.
struct JSONLDArticle {
  var headline: String?
  var authors: [String] = []
  var datePublished: String?
  var publisher: String?
  var description: String?
  var section: String?
  var language: String?

  static let articleTypes: Set<String> = [
    "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "TechArticle",
    "ScholarlyArticle", "SocialMediaPosting", "LiveBlogPosting", "Report",
    "MedicalScholarlyArticle",
    "AdvertiserContentArticle", "SatiricalArticle", "DiscussionForumPosting", "Blog",
  ]

  private static let cdataNeedle = ByteNeedle("<![CDATA[")

  /// The first article object in the page's `application/ld+json` scripts (as
  /// `MetadataSources` finds them).
  static func read(_ scripts: [HTMLNode]) -> JSONLDArticle? {
    for script in scripts {
      var source = script.textContent
      if ReadabilityPatterns.matches(source, [cdataNeedle]) {
        source = source.replacingOccurrences(of: "<![CDATA[", with: "")
          .replacingOccurrences(of: "]]>", with: "")
      }
      let data = Data(source.utf8)
      guard
        let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
        let object = findArticle(in: json)
      else { continue }
      return JSONLDArticle(object)
    }
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

  private init(_ object: [String: Any]) {
    headline = Self.string(object["headline"]) ?? Self.string(object["name"])
    authors =
      Self.names(object["author"]) + (object["author"] == nil ? Self.names(object["creator"]) : [])
    datePublished = Self.string(object["datePublished"]) ?? Self.string(object["dateCreated"])
    publisher = Self.names(object["publisher"]).first
    description = Self.string(object["description"])
    section = Self.string(object["articleSection"])
    language = Self.string(object["inLanguage"]) ?? Self.names(object["inLanguage"]).first
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
