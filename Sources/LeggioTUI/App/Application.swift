import Foundation
import LeggioModel
import LeggioStore

/// Runs the loop around `update`: sends events in, runs the effects against the library,
/// feeds their answers back, and renders the state. The terminal layer drives it; tests
/// drive it with keys and read `render()`.
public final class Application {
  public private(set) var state: AppState
  /// Where every effect reads and writes: the real library (tests use `Library.inMemory()`).
  public let library: Library
  /// Updates feeds in the background; without it `u` on the feeds screen says so.
  public var feedRunner: FeedUpdateRunner?
  /// Fetches pending articles' pages and saves links in the background.
  public var pendingRunner: PendingFetchRunner
  /// Where `$BROWSER` is read when a link is opened.
  public var environment = ProcessInfo.processInfo.environment
  /// Syncs in the background (`S`); when sync is set up the header shows its state.
  public var syncRunner: SyncRunner? {
    didSet {
      if syncRunner?.isSetUp == true, state.sync == nil { state.sync = SyncIndicator() }
    }
  }
  /// Where the background update's reports wait for `drainInbox()`.
  public let inbox = MessageInbox()
  /// Hands the terminal to another program (`$EDITOR`) while the body runs; the
  /// terminal layer sets it.
  public var suspendTerminal: ((() -> Void) -> Void)?

  public init(library: Library, state: AppState) {
    self.library = library
    self.state = state
    self.state.libraryIsReadOnly = library.isReadOnly
    self.pendingRunner = PendingFetchRunner(library: library)
  }

  /// An application on `library` at `width` x `height`, with the built-in guide loaded.
  public convenience init(
    library: Library, width: Int, height: Int, keymap: Keymap = .default,
    settings: ReaderSettings = .init(), themeNames: [String] = [], themeIndex: Int = 0,
    pictures: PictureDisplay = .off
  ) {
    var state = AppState(
      width: width, height: height, keymap: keymap, settings: settings, themeNames: themeNames,
      themeIndex: themeIndex, guide: Guide.articles())
    state.pictures = pictures
    self.init(library: library, state: state)
  }

  /// Reads the counts and the first rows.
  public func start() {
    run(startEffects(state))
  }

  public func send(_ event: Event) {
    send(.event(event))
  }

  public func send(_ message: Message) {
    run(update(&state, message))
  }

  /// Whether the library filter is being typed: keys already waiting may then be sent
  /// together (`send(typed:)`).
  public var isTypingFilter: Bool { state.prompt?.purpose == .filter }

  /// Keys typed into the library filter faster than it answered: each updates the
  /// filter, and the list is read once, for the last (a stale keystroke's query is
  /// never run). Stops taking keys where the filter closes; the rest are sent one by one.
  public func send(typed events: [Event]) {
    var effects: [Effect] = []
    var rest = events[...]
    while isTypingFilter, let event = rest.popFirst() {
      effects += update(&state, .event(event))
    }
    run(effects)
    for event in rest { send(event) }
  }

  /// Takes in what background work posted since the last call; the terminal loop calls
  /// it on every turn. Returns whether there was anything.
  @discardableResult
  public func drainInbox() -> Bool {
    let messages = inbox.drain()
    for message in messages { send(message) }
    return !messages.isEmpty
  }

  /// Shows configuration or theme problems found at start in the status line (the first,
  /// and how many more there are; the command printed them all to stderr).
  public func showProblems(_ problems: [String]) {
    guard let first = problems.first else { return }
    let more = problems.count > 1 ? " (and \(problems.count - 1) more: see stderr)" : ""
    state.status = AppState.Status(text: TerminalSafety.line(first) + more, isError: true)
  }

  /// Quits as the quit key does (saving the reading position), e.g. on SIGTERM.
  public func quit() {
    run(LeggioTUI.quit(&state))
  }

  /// The screen as it is now.
  public func render() -> CellGrid {
    Renderer.render(state)
  }

  /// Runs effects one by one; each answer may ask for more.
  private func run(_ effects: [Effect]) {
    var queue = effects[...]
    while let effect = queue.popFirst() {
      guard let answer = perform(effect) else { continue }
      queue.append(contentsOf: update(&state, answer))
    }
  }

  private func perform(_ effect: Effect) -> Message? {
    do {
      switch effect {
      // The list moved on to another query (a later key of the filter): its answer
      // would be dropped, so it is not read.
      case .loadCount(let query) where query != state.library.query:
        return nil
      case .loadRows(let query, _) where query != state.library.query:
        return nil
      case .loadCounts:
        return .countsLoaded(try library.counts())
      case .loadCount(let query) where isTypingFilter:
        let (count, isExact) = try library.count(query, atMost: LibraryState.typingCountCap)
        return isExact ? .countLoaded(query, count) : .countAtLeast(query, count)
      case .loadCount(let query):
        return .countLoaded(query, try library.count(query))
      case .loadRows(let query, let window):
        let size = LibraryState.windowSize
        // Given the count, a window near the end is read from the end (a jump to the
        // last screen costs what the first does).
        let total =
          query == state.library.query && state.library.matchingIsExact
          ? state.library.matching : nil
        let rows = try library.summaries(
          query, offset: window * size, limit: size, total: total)
        return .rowsLoaded(query, window: window, rows)
      case .loadTags:
        return .tagsLoaded(try library.allTags())
      case .loadArticle(let id):
        guard var article = try library.article(id: id) else {
          return .failed("Article \(id) is no longer in the library")
        }
        // Pictures come from the library, never the network, and only when shown.
        if state.pictures.isShown { article.images = try library.images(ofArticle: id) }
        return .articleLoaded(article)
      case .saveReadingPosition(let id, let offset, let progress):
        // A read-only library keeps no place; the header says it is read-only.
        guard !library.isReadOnly else { return nil }
        try library.saveReadingPosition(articleID: id, offset: offset, progress: progress)
        return nil
      case .remove(let ids):
        try library.remove(ids: ids)
        return .removed(ids: ids)
      case .loadAnnotations, .annotate, .bookmark, .editNote, .editNoteInEditor, .recolor,
        .deleteAnnotation, .undoDelete, .loadNotebook, .nextNotebookTag, .openArticle:
        return try performAnnotation(effect)
      case .loadFeeds:
        return .feedsLoaded(try library.feedListings())
      case .updateFeeds(let ids):
        guard let feedRunner else {
          return .feedUpdate(.failed("Feeds cannot be updated here: run leggio feeds update"))
        }
        let inbox = self.inbox
        feedRunner.start(feedIDs: ids) { inbox.post(.feedUpdate($0)) }
        return nil
      case .setStarred(let id, let starred):
        try library.setStarred(ids: [id], starred)
        return .starredSet(id: id, starred)
      case .fetchPending:
        let inbox = self.inbox
        pendingRunner.fetchQueue { inbox.post(.pendingFetch($0)) }
        return nil
      case .saveLink(let url, let title):
        let inbox = self.inbox
        pendingRunner.saveLink(url, title: title) { inbox.post(.pendingFetch($0)) }
        return nil
      case .openInBrowser(let url):
        let inbox = self.inbox
        try BrowserLauncher.open(url, environment: environment) {
          inbox.post(.failed(TerminalSafety.line($0)))
        }
        return nil
      case .openPicture(let image):
        let inbox = self.inbox
        try PictureViewerLauncher.open(image, environment: environment) {
          inbox.post(.failed(TerminalSafety.line($0)))
        }
        return nil
      case .loadSyncState:
        return .syncStateLoaded(
          lastSync: try library.syncState("last-sync").flatMap(Int64.init).map(SyncTime.date),
          pending: try library.pendingSyncChanges())
      case .sync:
        guard let syncRunner, syncRunner.isSetUp else {
          return .sync(
            .failed("not set up here; run `leggio sync init REMOTE` once"))
        }
        let inbox = self.inbox
        syncRunner.start { inbox.post(.sync($0)) }
        return nil
      case .checkReadingElsewhere(let id):
        return try library.readingElsewhere(articleID: id).map {
          .readingElsewhere(articleID: id, $0)
        }
      }
    } catch {
      return .failed(
        TerminalSafety.line(Library.describe(error) ?? error.localizedDescription))
    }
  }
}
