import Foundation
import LeggioStore
import LeggioModel

/// Work `update` asks for and the `Application` runs outside rendering: reading and
/// writing the library. Each answer comes back to `update` as a `Message`.
public enum Effect: Hashable, Sendable {
  /// The whole library's counts for the header.
  case loadCounts
  /// How many rows `query` has.
  case loadCount(ArticleQuery)
  /// One window of rows (`window * LibraryState.windowSize`, that many rows).
  case loadRows(ArticleQuery, window: Int)
  case loadTags
  case loadArticle(id: Int64)
  case saveReadingPosition(articleID: Int64, offset: Int, progress: Double)
  case remove(ids: [Int64])
  /// An article's bookmarks, highlights and notes.
  case loadAnnotations(articleUUID: String)
  /// Highlights `range` of the article (a note when `note` is not empty).
  case annotate(articleUUID: String, range: Range<Int>, color: Int, note: String)
  case bookmark(articleUUID: String, offset: Int, name: String?)
  case editNote(uuid: String, note: String)
  /// Asks `$EDITOR` for the note of annotation `uuid`, or of a new one on `range`.
  case editNoteInEditor(AnnotationTarget)
  case recolor(uuid: String, color: Int)
  case deleteAnnotation(uuid: String)
  case undoDelete(uuid: String)
  case loadNotebook(AnnotationFilter)
  /// The notebook's next tag filter after `current` (nil: all tags, after the last one).
  case nextNotebookTag(after: String?)
  /// Opens an article at a canonical offset (from the notebook).
  case openArticle(uuid: String, offset: Int)
  /// The subscriptions with their unread counts and errors.
  case loadFeeds
  /// Starts updating these feeds (all when nil) in the background.
  case updateFeeds([Int64]?)
  /// Stars or unstars article `id`.
  case setStarred(id: Int64, Bool)
  /// Starts fetching every pending article's page in the background.
  case fetchPending
  /// Adds the page at `url` to the library and fetches it in the background.
  case saveLink(url: String, title: String)
  /// Opens `url` in the user's browser.
  case openInBrowser(String)
  /// Opens a picture in the system's image viewer, without waiting for it.
  case openPicture(KeptImage)
  /// The header's sync state: the last sync and the changes waiting.
  case loadSyncState
  /// Starts a sync in the background.
  case sync
  /// Where another device read article `id`, if further on than here.
  case checkReadingElsewhere(articleID: Int64)
}

/// What a note is written on: an annotation that exists, or a passage of an article.
public enum AnnotationTarget: Hashable, Sendable {
  case existing(uuid: String, note: String)
  case passage(articleUUID: String, range: Range<Int>)
}

/// Everything `update` reacts to: terminal events and the answers to effects.
public enum Message: Hashable, Sendable {
  case event(Event)
  case countsLoaded(LibraryCounts)
  case countLoaded(ArticleQuery, Int)
  /// At least this many rows match `query` (counted while its filter is typed).
  case countAtLeast(ArticleQuery, Int)
  case rowsLoaded(ArticleQuery, window: Int, [ArticleSummary])
  case tagsLoaded([String])
  case articleLoaded(StoredArticle)
  case removed(ids: [Int64])
  case annotationsLoaded(articleUUID: String, [Annotation])
  /// An annotation was written (`created`: a new one); `done` is what the status line says.
  case annotationSaved(Annotation, done: String, created: Bool = false)
  case notebookLoaded(AnnotationFilter, [NotebookEntry])
  case notebookTagChosen(String?)
  case articleOpened(StoredArticle, offset: Int)
  case feedsLoaded([FeedListing])
  /// A report from the feeds update running in the background.
  case feedUpdate(FeedUpdateRunner.Report)
  /// Article `id` was starred (true) or unstarred.
  case starredSet(id: Int64, Bool)
  /// A report from pages being fetched in the background (pending articles, a link).
  case pendingFetch(PendingFetchRunner.Report)
  case syncStateLoaded(lastSync: Date?, pending: Int)
  /// A report from the sync running in the background.
  case sync(SyncRunner.Report)
  case readingElsewhere(articleID: Int64, ReadingElsewhere)
  /// An effect failed; the message is shown in the status line.
  case failed(String)
}
