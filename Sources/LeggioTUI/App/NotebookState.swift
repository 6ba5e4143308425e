import LeggioStore

/// One row of the notebook: an annotation and the title of its article.
public struct NotebookEntry: Hashable, Sendable {
  public var annotation: Annotation
  /// The article's title, or its UUID when the library no longer has it.
  public var articleTitle: String

  public init(annotation: Annotation, articleTitle: String) {
    self.annotation = annotation
    self.articleTitle = articleTitle
  }
}

/// The notebook screen: every bookmark, highlight and note, newest first, grouped by
/// article, narrowed by a search typed as you go and by colours.
public struct NotebookState: Hashable, Sendable {
  public var filter = AnnotationFilter()
  public var entries: [NotebookEntry] = []
  public var selected = 0

  public init() {}

  public var current: NotebookEntry? {
    entries.indices.contains(selected) ? entries[selected] : nil
  }
}
