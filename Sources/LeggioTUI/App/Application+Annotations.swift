import Foundation
import LeggioModel
import LeggioStore

/// Running the annotation effects against the library: each change is written in its
/// own transaction before the answer tells the screen it is done.
extension Application {
  func performAnnotation(_ effect: Effect) throws -> Message? {
    let annotations = library.annotations
    switch effect {
    case .loadAnnotations(let uuid):
      return .annotationsLoaded(articleUUID: uuid, try annotations.annotations(articleUUID: uuid))
    case .annotate(let uuid, let range, let color, let note):
      let article = try Self.annotationArticle(uuid, library)
      let now = Date()
      let annotation = Annotation(
        uuid: UUIDv7.string(at: now), articleUUID: uuid,
        kind: note.isEmpty ? .highlight : .note,
        anchor: try TextAnchor.make(in: article.text, range: range, textHash: article.textHash),
        note: note, color: AnnotationColor(rawValue: color) ?? .first, createdAt: now)
      let saved = try annotations.add(annotation)
      let done =
        note.isEmpty
        ? "Highlighted in colour \(color): 1–5 recolours, a adds a note" : "Note saved"
      return .annotationSaved(saved, done: done, created: true)
    case .bookmark(let uuid, let offset, let name):
      let article = try Self.annotationArticle(uuid, library)
      let saved = try annotations.bookmark(article, offset: offset, name: name)
      return .annotationSaved(saved, done: "Bookmarked" + (name.map { ": \($0)" } ?? ""))
    case .editNote(let uuid, let note):
      let saved = try annotations.editNote(uuid, note: note)
      return .annotationSaved(saved, done: note.isEmpty ? "Note removed" : "Note saved")
    case .editNoteInEditor(let target):
      let initial: String
      if case .existing(_, let note) = target { initial = note } else { initial = "" }
      guard let note = try NoteEditor.edit(initial, suspend: suspendTerminal) else {
        return .failed("The note was left as it was")
      }
      return try performAnnotation(
        {
          switch target {
          case .existing(let uuid, _): .editNote(uuid: uuid, note: note)
          case .passage(let article, let range):
            .annotate(articleUUID: article, range: range, color: 1, note: note)
          }
        }())
    case .recolor(let uuid, let color):
      let saved = try annotations.recolor(uuid, to: try AnnotationColor.checked(color))
      return .annotationSaved(saved, done: "Colour \(color)")
    case .deleteAnnotation(let uuid):
      let saved = try annotations.delete(uuid)
      return .annotationSaved(saved, done: "Deleted: u brings it back")
    case .undoDelete(let uuid):
      let saved = try annotations.undoDelete(uuid)
      return .annotationSaved(saved, done: "Brought back")
    case .loadNotebook(let filter):
      var entries: [NotebookEntry] = []
      for group in try annotations.notebook(filter) {
        let title =
          try library.annotationArticle(uuid: group.articleUUID)?.title ?? group.articleUUID
        entries += group.annotations.map { NotebookEntry(annotation: $0, articleTitle: title) }
      }
      return .notebookLoaded(filter, entries)
    case .nextNotebookTag(let current):
      let tags = try annotations.allTags()
      guard !tags.isEmpty else { return .failed("No bookmark, highlight or note has a tag") }
      let next = current.flatMap { tags.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
      return .notebookTagChosen(next < tags.count ? tags[next] : nil)
    case .openArticle(let uuid, let offset):
      guard let id = try library.articleID(uuid: uuid), var article = try library.article(id: id)
      else {
        return .failed("That article is no longer in the library")
      }
      if state.pictures.isShown { article.images = try library.images(ofArticle: id) }
      return .articleOpened(article, offset: offset)
    default:
      return nil
    }
  }

  private static func annotationArticle(_ uuid: String, _ library: Library) throws
    -> AnnotationArticle
  {
    guard let article = try library.annotationArticle(uuid: uuid) else {
      throw AnnotationError.unknownArticle(uuid)
    }
    return article
  }
}
