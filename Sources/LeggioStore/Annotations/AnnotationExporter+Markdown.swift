import Foundation

extension AnnotationExporter {
  /// Markdown for notes apps (Obsidian, Logseq, Bear...):
  ///
  ///     ## Title
  ///
  ///     Source: https://... · Published: 2023-08-16 · [Open in Leggio](leggio://article/ID)
  ///
  ///     > the quote
  ///
  ///     The note.
  ///
  ///     Highlight, colour 2 (green) · 2026-11-26 · [Open at the passage](leggio://article/ID#812)
  public func markdown(_ articles: [AnnotatedArticle]) -> String {
    var lines = ["# Annotations from Leggio", ""]
    for article in articles {
      lines.append("## \(oneLine(article.title))")
      lines.append("")
      var facts: [String] = []
      if let source = article.source { facts.append("Source: \(oneLine(source))") }
      if let published = article.published {
        facts.append("Published: \(ExportFormatting.day(published))")
      }
      facts.append("[Open in Leggio](\(AnnotatedArticle.link(article.uuid)))")
      lines.append(facts.joined(separator: " · "))
      lines.append("")
      for annotation in article.annotations {
        lines += entry(annotation)
      }
    }
    return lines.joined(separator: "\n")
  }

  private func entry(_ annotation: Annotation) -> [String] {
    var lines: [String] = []
    if annotation.kind == .bookmark {
      lines.append("**Bookmark\(annotation.name.map { ": \(oneLine($0))" } ?? "")**")
      lines.append("")
    }
    let quote = ExportFormatting.clean(annotation.anchor.quote)
    lines += quote.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.isEmpty ? ">" : "> \($0)"
    }
    lines.append("")
    if annotation.hasNote {
      lines += ExportFormatting.clean(annotation.note).split(
        separator: "\n", omittingEmptySubsequences: false
      ).map(String.init)
      lines.append("")
    }
    var facts: [String] = []
    switch annotation.kind {
    case .bookmark: facts.append("Bookmark")
    case .highlight: facts.append("Highlight")
    case .note: facts.append("Note")
    }
    if let color = annotation.color {
      facts[0] += ", colour \(color.rawValue) (\(color.name))"
    }
    if !annotation.tags.isEmpty {
      facts.append(
        annotation.tags.map { "#\(oneLine($0).replacingOccurrences(of: " ", with: "-"))" }
          .joined(separator: " "))
    }
    facts.append(ExportFormatting.day(annotation.createdAt))
    if annotation.isOrphaned { facts.append("not found in the current text") }
    let link = AnnotatedArticle.link(annotation.articleUUID, offset: annotation.anchor.start)
    facts.append("[Open at the passage](\(link))")
    lines.append(facts.joined(separator: " · "))
    lines.append("")
    return lines
  }

  private func oneLine(_ text: String) -> String {
    ExportFormatting.clean(text).replacingOccurrences(of: "\n", with: " ")
      .replacingOccurrences(of: "\t", with: " ")
  }
}
