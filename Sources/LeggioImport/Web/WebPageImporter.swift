import Foundation
import LeggioModel

/// Turns a web page's bytes into an article: charset -> parse -> extract -> Document.
public enum WebPageImporter {
  /// - Parameters:
  ///   - url: where the page came from; links resolve against it and it becomes the source.
  ///   - contentType: the HTTP `Content-Type`, whose charset wins over the page's own.
  /// - Throws: `WebImportError` when the bytes are not HTML or hold no text at all.
  public static func importHTML(
    data: Data, url: URL?, contentType: String? = nil,
    extractor: ReadabilityExtractor = ReadabilityExtractor()
  ) throws -> ImportedArticle {
    try importHTMLLiftingLead(data: data, url: url, contentType: contentType, extractor: extractor)
      .article
  }

  /// The import, and whether the article's opening paragraph was its standfirst, lifted
  /// out of the body into the title block (where the reader shows it, once). The
  /// benchmarks count a lifted lead as article text.
  package static func importHTMLLiftingLead(
    data: Data, url: URL?, contentType: String? = nil,
    extractor: ReadabilityExtractor = ReadabilityExtractor()
  ) throws -> (article: ImportedArticle, liftedLead: Bool) {
    let source = url?.absoluteString ?? "the page"
    if let kind = ContentSniffer.nonHTMLKind(contentType: contentType, prefix: data) {
      throw WebImportError.notHTML(source: source, kind: kind)
    }
    let decoded = HTMLCharset.decodeToUTF8(data, contentType: contentType)
    var warnings = decoded.warning.map { [$0] } ?? []
    let extracted = extractor.extract(utf8: decoded.utf8, url: url)
    warnings += extracted.warnings
    var document = HTMLDocumentConverter.convertLinkingFragments(
      extracted.content, baseURL: extracted.baseURL, direction: extracted.direction)
    document = sanitized(document)
    guard document.blocks.contains(where: { !$0.plainText.isEmpty }) else {
      throw WebImportError.noArticleText(source: source)
    }
    var metadata = sanitized(extracted.metadata)
    let lifted = withoutRepeatedStandfirst(document, standfirst: metadata.standfirst)
    document = lifted.document
    metadata.source = url?.absoluteString
    if metadata.title.isEmpty {
      metadata.title = firstHeading(document) ?? url.flatMap(fallbackTitle) ?? "Untitled page"
    }
    let article = ImportedArticle(
      metadata: metadata, document: document, warnings: warnings, originalHTML: data)
    return (article, lifted.removed)
  }

  /// The article's first heading, for a page with no title of its own.
  static func firstHeading(_ document: Document) -> String? {
    for block in document.blocks.prefix(20) {
      guard case .heading = block.kind else { continue }
      let text = block.plainText.collapsingWhitespace()
      if !text.isEmpty { return text }
    }
    return nil
  }

  /// The last path component or the host of a web address, for pages with no title or
  /// heading; nil for a file, whose name (often a temporary file's) is no title.
  private static func fallbackTitle(_ url: URL) -> String? {
    guard !url.isFileURL else { return nil }
    let last = url.deletingPathExtension().lastPathComponent
    return last.isEmpty || last == "/" ? (url.host ?? url.absoluteString) : last
  }

  /// The reader shows the standfirst above the body, so a paragraph among the first few
  /// that repeats it is dropped (the extractor keeps it, as Readability does).
  static func withoutRepeatedStandfirst(
    _ document: Document, standfirst: String?
  ) -> (document: Document, removed: Bool) {
    guard let standfirst, standfirst.count >= 20 else { return (document, false) }
    let wanted = standfirst.collapsingWhitespace().lowercased()
    let wantedBytes = wanted.utf8.count
    var document = document
    for index in document.blocks.indices.prefix(3) {
      let block = document.blocks[index]
      guard case .paragraph = block.kind else { continue }
      let text = block.plainText.collapsingWhitespace()
      // Lower-casing changes a text's length by little: a far longer one is no repeat.
      guard abs(text.utf8.count - wantedBytes) <= wantedBytes / 4 + 8,
        text.lowercased() == wanted,
        document.blocks.count > 1
      else { continue }
      document.removeBlockKeepingLinks(at: index)
      return (document, true)
    }
    return (document, false)
  }

  static func sanitized(_ document: Document) -> Document {
    var document = document
    for blockIndex in document.blocks.indices {
      for inlineIndex in document.blocks[blockIndex].inlines.indices {
        let text = document.blocks[blockIndex].inlines[inlineIndex].text
        document.blocks[blockIndex].inlines[inlineIndex].text = TextSanitizer.sanitize(text)
      }
      if case .image(let credit?) = document.blocks[blockIndex].kind {
        document.blocks[blockIndex].kind = .image(credit: TextSanitizer.sanitize(credit))
      }
    }
    return document
  }

  static func sanitized(_ metadata: ArticleMetadata) -> ArticleMetadata {
    var metadata = metadata
    func clean(_ value: String?) -> String? {
      value.map { TextSanitizer.sanitize($0).collapsingWhitespace() }.flatMap {
        $0.isEmpty ? nil : $0
      }
    }
    metadata.title = clean(metadata.title) ?? ""
    metadata.kicker = clean(metadata.kicker)
    metadata.standfirst = clean(metadata.standfirst)
    metadata.byline = clean(metadata.byline)
    metadata.siteName = clean(metadata.siteName)
    metadata.language = clean(metadata.language)
    return metadata
  }
}
