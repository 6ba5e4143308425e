import Foundation
import LeggioModel
import LeggioStore
import Synchronization

extension FeedUpdater {
  /// A feed's new items, in the feed's order (newest first), with the feed as read when
  /// they were (its title and link go on their articles).
  struct FreshBatch: Sendable {
    var items: [(item: FeedItem, identity: String)]
    var feed: ParsedFeed
  }

  /// How many batches go to the sink together, in one library transaction. Every commit
  /// writes again each page its articles touched, and the indexes on hashes, titles and
  /// identities take new entries all over: at 100,000 articles each commit of 500 items
  /// wrote about 14 MB of log (a ten-feed update of 10,000 items each wrote 2.9 GB of log
  /// for a 295 MB library). Parsing and building stay in batches of `batchSize`, so what
  /// waits for the writer is articles, not feed items.
  static let batchesPerCommit = 4
  /// How many batches go to a writer that is free: fewer than `batchesPerCommit`, so it
  /// starts on a large feed's first items while the rest are read, but not one, so that
  /// a feed of 1,000 items is still one commit (two commits each took ten feeds' update
  /// from 1.07 to 1.18 s of CPU in alternated runs).
  static let batchesPerEarlyCommit = 2

  /// Stores batches of new items as they come and returns how many were stored. Batches
  /// are built into articles on other cores as they come, and handed to the writer in
  /// groups, one transaction each: `batchesPerEarlyCommit` read go to the writer as soon
  /// as it is free, and a group grows to `batchesPerCommit` only while the writer is busy
  /// with the one before. (Groups of four batches handed over only once the next four
  /// were read left the writer idle for the first 190 ms of a 10,000-item feed and
  /// 10–75 ms between groups.) At most one group waits for the writer. A group the sink
  /// refuses is not recorded, so the next update tries its items again; a stored group's
  /// items are recorded at once. `pages` are the extracted web pages of a `full` feed's
  /// items, by identity; the subscription's `tags` go on every article, beside the item's
  /// own categories.
  ///
  /// Once the batches end and the last group is handed to the writer, `readingDone` is
  /// called, so that the next feed is read while it is built and written. (Called only
  /// once the last group's articles were built and held the writer, each of ten feeds of
  /// 10,000 items left the writer idle for 100–350 ms while the next was fetched and its
  /// first items read.) For a feed of one group, and for a last group that could not go
  /// to a busy writer while the batches came (stored after them), `readingDone` waits for
  /// it to hold the writer.
  ///
  /// Feeds list their newest item first. Each group is stored oldest first, and dated a
  /// millisecond before the group that came before it, so that the library's "added"
  /// order is the feed's order however many groups there are.
  func store(
    _ batches: some AsyncSequence<FreshBatch, Never>, feedID: Int64, feedURL: URL, baseURL: URL,
    pages: [String: ImportedArticle] = [:], tags: [String], warnings: inout [String],
    readingDone: @escaping @Sendable () async -> Void = {}
  ) async -> Int {
    let started = Date()
    var stored = 0
    var building: [PendingBatch] = []
    /// The write of the group handed to the writer last.
    var writing: GroupWrite?
    var groups = 0
    func addedAt() -> Date {
      defer { groups += 1 }
      return started.addingTimeInterval(-0.001 * Double(groups))
    }
    func collect(_ write: GroupWrite) async {
      let (count, said) = await write.task.value
      stored += count
      warnings += said
    }
    for await batch in batches where !batch.items.isEmpty {
      // Oldest first, read through the feed's order: copying the items (each a dozen
      // strings and arrays) cost 90 retains and releases an item.
      let fresh = batch.items
      let last = fresh.count - 1
      building.append(
        PendingBatch(
          items: (0...last).map { ItemFacts.of(fresh[last - $0]) },
          articles: Self.articles(
            for: fresh, feed: batch.feed, baseURL: baseURL, pages: pages, tags: tags,
            preparer: librarySink)))
      let writerIsFree = writing?.isDone ?? true
      guard building.count >= (writerIsFree ? Self.batchesPerEarlyCommit : Self.batchesPerCommit)
      else { continue }
      if let writing { await collect(writing) }
      let group = building
      let date = addedAt()
      writing = GroupWrite { writerTaken in
        var warnings: [String] = []
        let stored = await store(
          group, addedAt: date, feedID: feedID, feedURL: feedURL, warnings: &warnings,
          whenWriting: writerTaken)
        return (stored, warnings)
      }
      building = []
    }
    // A feed of several groups is done reading once its last group is handed to the
    // writer: the next feed is read while it is built and written. Every group before it
    // is written by then (each waits for the one before), so at most this group and the
    // next feed's are held. A feed of one group waits for it to hold the writer: handed on
    // at once, ten feeds of 1,000 held 5 MB more at the peak for no gain in time.
    if building.isEmpty {
      if let writing, groups == 1 {
        await writing.whenWriterTaken(readingDone)
      } else {
        await readingDone()
      }
    }
    if let writing { await collect(writing) }
    if !building.isEmpty {
      stored += await store(
        building, addedAt: addedAt(), feedID: feedID, feedURL: feedURL, warnings: &warnings,
        whenWriting: readingDone)
    }
    return stored
  }

  /// A group's write under way: how many items it stored and its warnings, once done;
  /// whether it is done can be asked without waiting, and something run once it holds
  /// the writer (`whenWriterTaken`).
  private final class GroupWrite: Sendable {
    let task: Task<(Int, [String]), Never>
    private let state: State

    /// `body` is the write; it calls the function it is given once it holds the writer.
    init(
      _ body:
        @escaping @Sendable (_ writerTaken: @escaping @Sendable () async -> Void) async -> (
          Int, [String]
        )
    ) {
      let state = State()
      self.state = state
      task = Task {
        let result = await body { await state.writerTaken() }
        state.finished()
        return result
      }
    }

    var isDone: Bool { state.isDone }

    /// Runs `action` once the write holds the writer: at once if it holds it already.
    func whenWriterTaken(_ action: @escaping @Sendable () async -> Void) async {
      if state.runsLater(action) { return }
      await action()
    }

    private final class State: Sendable {
      private let value = Mutex(
        (taken: false, done: false, action: (@Sendable () async -> Void)?.none))

      func writerTaken() async {
        let action = value.withLock { state in
          state.taken = true
          defer { state.action = nil }
          return state.action
        }
        await action?()
      }

      func finished() { value.withLock { $0.done = true } }

      var isDone: Bool { value.withLock { $0.done } }

      /// Keeps `action` for `writerTaken`; false when the writer is held already.
      func runsLater(_ action: @escaping @Sendable () async -> Void) -> Bool {
        value.withLock { state in
          guard !state.taken else { return false }
          state.action = action
          return true
        }
      }
    }
  }

  /// New items on their way to the sink, oldest first, and their articles being built.
  private struct PendingBatch {
    var items: [ItemFacts]
    var articles: Task<BuiltBatch, Never>
  }

  /// A batch's articles; or, when the sink is the library's, what it stores of them
  /// (`LibraryFeedSink.Batch`), the articles let go.
  private enum BuiltBatch {
    case articles([ImportedArticle])
    case prepared(LibraryFeedSink.Batch)
  }

  /// What the feed's own record of an item keeps: the item itself (its HTML) is let go
  /// once its article is built.
  private struct ItemFacts {
    var identity: String
    var link: String?
    var title: String
    var published: Date?

    /// What is kept of `fresh` (read in place: an initialiser would take a copy).
    static func of(_ fresh: (item: FeedItem, identity: String)) -> ItemFacts {
      ItemFacts(
        identity: fresh.identity, link: fresh.item.link, title: fresh.item.displayTitle,
        published: fresh.item.published ?? fresh.item.updated)
    }
  }

  /// The articles of `fresh` (in the feed's order, newest first), oldest first.
  private static func articles(
    for fresh: [(item: FeedItem, identity: String)], feed: ParsedFeed, baseURL: URL,
    pages: [String: ImportedArticle], tags: [String], preparer: LibraryFeedSink?
  ) -> Task<BuiltBatch, Never> {
    Task.detached {
      PhaseTrace.mark("build \(fresh.count)")
      let last = fresh.count - 1
      let articles = FeedArticleBuilder.articles(count: fresh.count) { index in
        let position = last - index
        var article =
          pages.isEmpty
          ? fresh[position].item.article(feed: feed, feedURL: baseURL)
          : pages[fresh[position].identity]
            ?? fresh[position].item.article(feed: feed, feedURL: baseURL)
        if !tags.isEmpty { article.metadata.tags += tags }
        return article
      }
      PhaseTrace.mark("built \(fresh.count)")
      if let preparer {
        defer { PhaseTrace.mark("prepared \(fresh.count)") }
        return .prepared(preparer.prepare(articles))
      }
      return .articles(articles)
    }
  }

  /// Stores a group of batches in one go and records their items; returns how many were
  /// stored. The group holds the feed's items newest batch first, each batch oldest first.
  /// `whenWriting` runs once its articles are built and the writer is taken.
  private func store(
    _ group: [PendingBatch], addedAt: Date, feedID: Int64, feedURL: URL,
    warnings: inout [String], whenWriting: (@Sendable () async -> Void)? = nil
  ) async -> Int {
    var articles: [ImportedArticle] = []
    var prepared: [LibraryFeedSink.Batch] = []
    for batch in group.reversed() {
      switch await batch.articles.value {
      case .articles(let built): articles += built
      case .prepared(let batch): prepared.append(batch)
      }
    }
    let items = group.reversed().flatMap(\.items)
    PhaseTrace.mark("feed \(feedID): group built, waiting for writer")
    await writer.acquire(host: "")
    PhaseTrace.mark("feed \(feedID): writing \(items.count)")
    await whenWriting?()
    let stored = write(
      articles, prepared: prepared.isEmpty ? nil : .joined(prepared), items: items,
      addedAt: addedAt, feedID: feedID, feedURL: feedURL, warnings: &warnings)
    PhaseTrace.mark("feed \(feedID): written")
    await writer.release(host: "")
    return stored
  }

  /// `store`'s sink call and records, with the writer taken. Into the library that
  /// keeps the feeds, articles and records go in one transaction (one commit a group
  /// instead of two); through another sink, the records are stored once it returns.
  private func write(
    _ articles: [ImportedArticle], prepared: LibraryFeedSink.Batch?, items: [ItemFacts],
    addedAt: Date, feedID: Int64, feedURL: URL, warnings: inout [String]
  ) -> Int {
    func records(_ ids: [Int64]) -> [FeedItemRecord] {
      zip(items, ids).map { item, articleID in
        FeedItemRecord(
          feedId: feedID, identity: item.identity, link: item.link, title: item.title,
          published: item.published, articleID: articleID)
      }
    }
    let ids: [Int64]
    do {
      if let librarySink, let prepared, librarySink.library.holds(store) {
        // What counts is what this update recorded: another one running at once may
        // have recorded some first.
        return try librarySink.store(
          prepared, feedURL: feedURL, addedAt: addedAt, recording: records
        ).recorded
      } else if let librarySink, let prepared {
        ids = try librarySink.store(prepared, feedURL: feedURL, addedAt: addedAt)
      } else {
        ids = try sink(articles, feedURL, addedAt)
      }
    } catch {
      warnings.append("\(items.count) items were not saved: \(Self.describe(error))")
      return 0
    }
    return record(records(ids), warnings: &warnings)
  }

  /// Records items whose articles another transaction stored.
  private func record(_ records: [FeedItemRecord], warnings: inout [String]) -> Int {
    // Recorded now, while the next group is being read and built. What counts is what
    // this update recorded: another one running at once may have recorded some first.
    do {
      return try store.recordItems(records)
    } catch {
      warnings.append(
        "\(records.count) items were saved but not recorded as the feed's: \(Self.describe(error))")
      return 0
    }
  }
}
