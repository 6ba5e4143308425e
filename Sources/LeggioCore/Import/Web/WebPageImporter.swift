import Foundation

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
    let source = url?.absoluteString ?? "the page"
    if let kind = ContentSniffer.nonHTMLKind(contentType: contentType, prefix: data) {
      throw WebImportError.notHTML(source: source, kind: kind)
    }
    let decoded = HTMLCharset.decode(data, contentType: contentType)
    var warnings = decoded.warning.map { [$0] } ?? []
    let extracted = extractor.extract(html: decoded.text, url: url)
    warnings += extracted.warnings
    var document = HTMLDocumentConverter.convert(extracted.content, baseURL: extracted.baseURL)
    document = sanitized(document)
    guard document.blocks.contains(where: { !$0.plainText.isEmpty }) else {
      throw WebImportError.noArticleText(source: source)
    }
    var metadata = sanitized(extracted.metadata)
    metadata.source = url?.absoluteString
    if metadata.title.isEmpty {
      metadata.title = url.map(fallbackTitle) ?? "Untitled page"
    }
    return ImportedArticle(
      metadata: metadata, document: document, warnings: warnings, originalHTML: data)
  }

  /// The last path component or the host, for pages with no title at all.
  private static func fallbackTitle(_ url: URL) -> String {
    let last = url.deletingPathExtension().lastPathComponent
    return last.isEmpty || last == "/" ? (url.host ?? url.absoluteString) : last
  }

  static func sanitized(_ document: Document) -> Document {
    var document = document
    for blockIndex in document.blocks.indices {
      for inlineIndex in document.blocks[blockIndex].inlines.indices {
        let text = document.blocks[blockIndex].inlines[inlineIndex].text
        document.blocks[blockIndex].inlines[inlineIndex].text = ControlCharacters.strip(text)
      }
      if case .image(let credit?) = document.blocks[blockIndex].kind {
        document.blocks[blockIndex].kind = .image(credit: ControlCharacters.strip(credit))
      }
    }
    return document
  }

  static func sanitized(_ metadata: ArticleMetadata) -> ArticleMetadata {
    var metadata = metadata
    func clean(_ value: String?) -> String? {
      value.map { ControlCharacters.strip($0).collapsingWhitespace() }.flatMap {
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
