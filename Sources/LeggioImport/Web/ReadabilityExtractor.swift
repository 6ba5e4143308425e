import Foundation
import LeggioModel

/// Finds the article in a web page, in the manner of Mozilla's Readability.js.
///
/// Paragraph-like elements are scored by their commas and length; the scores flow to
/// parents and grandparents, are weighted by class/id hints and semantic elements
/// (`article`, `main`, `itemprop=articleBody`) and discounted by link density. The best
/// candidate and its related siblings become the article, which is then cleaned of
/// chrome (share bars, forms, link lists). When too little text survives, the pass is
/// retried with relaxed rules, and the longest attempt wins.
public struct ReadabilityExtractor: Sendable {
  public struct Options: Sendable {
    /// Articles shorter than this many characters trigger a relaxed retry.
    public var charThreshold: Int
    /// How many top candidates are compared when looking for a shared ancestor.
    public var topCandidates: Int

    public init(charThreshold: Int = 500, topCandidates: Int = 5) {
      self.charThreshold = charThreshold
      self.topCandidates = topCandidates
    }
  }

  /// Rules a pass applies; a retry drops them one by one.
  struct Flags: OptionSet {
    let rawValue: Int
    static let stripUnlikelys = Flags(rawValue: 1)
    static let weightClasses = Flags(rawValue: 2)
    static let cleanConditionally = Flags(rawValue: 4)
    static let all: Flags = [.stripUnlikelys, .weightClasses, .cleanConditionally]
  }

  /// Below this many characters of article text, a warning says the page may not be an article.
  public static let shortArticleCharacters = 250
  /// Above this share of text in links, a warning says the page looks like an index.
  public static let indexLinkDensity = 0.5

  public var options: Options

  public init(options: Options = Options()) {
    self.options = options
  }

  public func extract(html: String, url: URL?) -> ExtractedArticle {
    extract(utf8: Array(html.utf8), url: url)
  }

  /// Extracts from a page's UTF-8 bytes (valid UTF-8, as `HTMLCharset.decodeToUTF8` gives).
  func extract(utf8 page: [UInt8], url: URL?) -> ExtractedArticle {
    // A retry parses the page again (cheaper than copying every page's tree for the few
    // that need a second pass) and keeps that tree untouched: each retry edits a copy,
    // cheaper than a third or fourth parse.
    let parsed = page.withUnsafeBufferPointer { HTMLParser.parseIndexed(utf8: $0) }
    var pristine: HTMLNode?
    return extract(document: parsed.root, index: parsed.index, url: url) {
      if pristine == nil {
        let again = page.withUnsafeBufferPointer { HTMLParser.parseIndexed(utf8: $0) }
        PagePreparation.prepare(again.root, index: again.index)
        pristine = again.root
      }
      return pristine!.deepCopy()
    }
  }

  /// Extracts from a parsed page. The tree is modified; pass a copy to keep it.
  public func extract(document: HTMLNode, url: URL?) -> ExtractedArticle {
    extract(document: document, url: url, preparedAgain: nil)
  }

  /// `preparedAgain` gives a fresh prepared tree of the same page for a retry; without
  /// it, a copy of the prepared tree is kept for them.
  /// `index`, the parser's index of `document`, saves walks of the page before it is edited.
  func extract(
    document: HTMLNode, index: ParsedPageIndex? = nil, url: URL?,
    preparedAgain: (() -> HTMLNode)?
  ) -> ExtractedArticle {
    let base =
      index.map { $0.elements(named: "base").first } ?? document.firstElement(named: "base")
    let baseURL = Self.baseURL(base: base, pageURL: url)
    let declared = PageMetadataReader.readWithBody(document, url: url)
    var metadata = declared.metadata
    let direction = Self.direction(of: document)
    PagePreparation.prepare(document, index: index)
    // Each pass edits the tree; retries start again from the prepared page.
    let kept = preparedAgain == nil ? document.deepCopy() : nil
    let freshPage = { kept?.deepCopy() ?? preparedAgain!() }
    let title = metadata.title
    var attempts: [(content: HTMLNode, length: Int, byline: String?)] = []
    var flags = Flags.all
    var chosen: (content: HTMLNode, length: Int, byline: String?)?
    while chosen == nil {
      let page = attempts.isEmpty ? document : freshPage()
      let pass = ArticleGrabber(flags: flags, options: options, title: title)
      let content = pass.grab(Self.body(of: page))
      let length = content.innerTextLength
      let attempt = (content, length, pass.byline)
      if length >= options.charThreshold {
        chosen = attempt
      } else {
        attempts.append(attempt)
        if flags.contains(.stripUnlikelys) {
          flags.remove(.stripUnlikelys)
        } else if flags.contains(.weightClasses) {
          flags.remove(.weightClasses)
        } else if flags.contains(.cleanConditionally) {
          flags.remove(.cleanConditionally)
        } else {
          chosen = attempts.max { $0.length < $1.length }
        }
      }
    }
    var result = chosen!
    if let body = declared.articleBody,
      let declaredContent = DeclaredArticleBody.content(body, visibleLength: result.length)
    {
      result.content = declaredContent
      result.length = declaredContent.innerTextLength
    }
    if metadata.byline == nil
      || PageMetadataReader.namesPublisher(metadata.byline!, siteName: metadata.siteName)
    {
      let marked = result.byline.map(PageMetadataReader.cleanByline)
        .flatMap { PageMetadataReader.isPlausibleName($0) ? $0 : nil }
      if let found = marked ?? LeadByline.find(in: result.content)
        ?? LeadByline.findClosing(in: result.content)
      {
        metadata.byline = found
      }
    }
    ContentFinishing.finish(result.content, baseURL: baseURL)
    var warnings: [String] = []
    let length = result.content.innerTextLength
    let linkShare = ArticleGrabber(flags: .all, options: options, title: "")
      .linkDensity(result.content)
    if length == 0 {
      warnings.append("no article text found on the page")
    } else if length < Self.shortArticleCharacters {
      warnings.append(
        "only \(length) characters of article text found; the page may be an index, a login wall or a cookie notice"
      )
    } else if linkShare > Self.indexLinkDensity {
      warnings.append(
        "most of the text found is links (\(Int(linkShare * 100))%); the page may be an index rather than an article"
      )
    }
    var extracted = ExtractedArticle(
      metadata: metadata, content: result.content, warnings: warnings, baseURL: baseURL)
    extracted.direction = direction
    return extracted
  }

  /// The direction `<body dir>`, else `<html dir>`, names.
  static func direction(of document: HTMLNode) -> TextDirection? {
    let body = document.firstElement(named: "body")
    let html = body?.parent?.name == "html" ? body?.parent : document.firstElement(named: "html")
    return TextDirection(htmlAttribute: body?.attribute("dir"))
      ?? TextDirection(htmlAttribute: html?.attribute("dir"))
  }

  static func body(of document: HTMLNode) -> HTMLNode {
    document.firstElement(named: "body") ?? document.firstElement(named: "html") ?? document
  }

  /// The page URL, or the `href` of the page's first `<base>` resolved against it.
  static func baseURL(base element: HTMLNode?, pageURL: URL?) -> URL? {
    guard let base = element?.attribute("href"),
      !base.trimmingCharacters(in: .whitespaces).isEmpty
    else { return pageURL }
    return URL(string: base.trimmingCharacters(in: .whitespaces), relativeTo: pageURL)?
      .absoluteURL ?? pageURL
  }
}
