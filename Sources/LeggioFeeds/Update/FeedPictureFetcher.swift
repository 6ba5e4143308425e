import Foundation
import LeggioImport
import LeggioModel
import LeggioStore

/// Fetches the pictures of feed items after their batch is stored, so that a feed's
/// articles read offline with their pictures as `leggio add URL` keeps a page's. Items
/// are handed over by `Library.feedArticleSink(pictures:)` and fetched by a few threads of
/// their own while the update goes on (the store never waits for a picture). Each
/// picture is checked as `ImageCollector` checks one (its bytes, its size, the article's
/// budget) and stored as soon as it is fetched, so at most one picture per thread is in
/// memory. An address kept before (for any article) is linked, not fetched; one that
/// failed is tried once per update and named once. Nothing is fetched while reading.
public final class FeedPictureFetcher: @unchecked Sendable {
  public let library: Library
  public let collector: ImageCollector

  /// What the pictures of an update came to.
  public struct Report: Sendable {
    /// `picture skipped: ADDRESS: why`, by the feed's URL (as `FeedRecord.url`).
    public var warnings: [String: [String]] = [:]
    /// Pictures fetched and kept.
    public var kept = 0
    /// Pictures linked again without a fetch (the library held them).
    public var reused = 0
  }

  private struct Job {
    var articleID: Int64
    var sources: [String]
    var feed: String
  }

  private enum Outcome {
    case kept(hash: String, bytes: Int)
    case refused(ImageRefusal)
  }

  private let condition = NSCondition()
  private var jobs: [Job] = []
  private var next = 0
  private var workers = 0
  private var outcomes: [String: Outcome] = [:]
  private var fetching: Set<String> = []
  private var noted: Set<String> = []
  private var report = Report()

  /// `collector.concurrency` threads at most fetch at once (4 by default).
  public init(library: Library, collector: ImageCollector = ImageCollector()) {
    self.library = library
    self.collector = collector
  }

  /// The addresses of `article`'s pictures that are fetched (http and https).
  public static func sources(of article: ImportedArticle) -> [String] {
    ImageCollector.sources(in: article.document).filter {
      guard let scheme = URL(string: $0)?.scheme?.lowercased() else { return false }
      return scheme == "http" || scheme == "https"
    }
  }

  /// Queues pictures by their addresses (`sources(of:)`), one list per article stored
  /// as `ids`: what a batch keeps of its articles once they are prepared.
  public func enqueue(sources: [[String]], ids: [Int64], feedURL: URL) {
    var added: [Job] = []
    for (sources, id) in zip(sources, ids) where !sources.isEmpty {
      added.append(Job(articleID: id, sources: sources, feed: feedURL.absoluteString))
    }
    guard !added.isEmpty else { return }
    condition.lock()
    jobs += added
    let wanted = min(collector.concurrency, jobs.count - next)
    let starting = max(0, wanted - workers)
    workers += starting
    condition.unlock()
    for _ in 0..<starting {
      let thread = Thread { [self] in work() }
      thread.name = "leggio feed pictures"
      thread.start()
    }
  }

  /// Waits for every queued picture, then returns what they came to and starts afresh
  /// (the next update tries again what failed in this one).
  public func finish() async -> Report {
    await withCheckedContinuation { continuation in
      Thread { [self] in
        condition.lock()
        while workers > 0 || next < jobs.count { condition.wait() }
        var finished = report
        // In a steady order, whatever order the threads came upon them.
        for feed in finished.warnings.keys { finished.warnings[feed]?.sort() }
        report = Report()
        outcomes = [:]
        noted = []
        jobs = []
        next = 0
        condition.unlock()
        continuation.resume(returning: finished)
      }.start()
    }
  }

  /// Waits for the pictures, then adds each feed's warnings to its summary.
  public func finish(into summaries: inout [FeedUpdateSummary]) async -> Report {
    let report = await finish()
    for index in summaries.indices {
      summaries[index].warnings += report.warnings[summaries[index].url] ?? []
    }
    return report
  }

  private func work() {
    while true {
      condition.lock()
      guard next < jobs.count else {
        workers -= 1
        condition.broadcast()
        condition.unlock()
        return
      }
      let job = jobs[next]
      next += 1
      condition.unlock()
      fetch(job)
    }
  }

  /// One article's pictures in its document's order, within its budget.
  private func fetch(_ job: Job) {
    let limit = collector.limits.bytesPerArticle
    var spent = 0
    var counted = Set<String>()
    for source in job.sources {
      let (outcome, fresh) = resolve(source)
      // A picture fetched here but not stored (over the budget, the article gone, the
      // library failing) is forgotten: another article fetches it again.
      var stored = false
      defer { if fresh != nil { publish(source, stored: stored) } }
      switch outcome {
      case .refused(let reason):
        note(job.feed, source, reason)
      case .kept(let hash, let bytes):
        let cost = counted.contains(hash) ? 0 : bytes
        guard spent + cost <= limit else {
          note(job.feed, source, .articleFull(limit: limit), always: true)
          continue
        }
        do {
          let linked =
            if let fresh {
              try library.keepImage(fresh, articleID: job.articleID)
            } else {
              try library.linkImage(hash: hash, source: source, articleID: job.articleID)
            }
          guard linked else { continue }
          stored = true
          spent += cost
          counted.insert(hash)
          count(fresh: fresh != nil)
        } catch {
          note(job.feed, source, .failed("not saved: \(FeedUpdater.describe(error))"))
        }
      }
    }
  }

  /// What `source` is: kept already (by this update or before it), refused, or fetched
  /// now (then `fresh` holds it, and other threads wait until `publish`).
  private func resolve(_ source: String) -> (Outcome, fresh: KeptImage?) {
    condition.lock()
    while fetching.contains(source) { condition.wait() }
    if let known = outcomes[source] {
      condition.unlock()
      return (known, nil)
    }
    fetching.insert(source)
    condition.unlock()
    if let kept = try? library.keptImage(source: source) {
      settle(source, .kept(hash: kept.hash, bytes: kept.bytes))
      return (.kept(hash: kept.hash, bytes: kept.bytes), nil)
    }
    switch collector.fetch(source) {
    case .success(let image):
      // Published once stored, so that no other article links a picture not yet kept.
      condition.lock()
      outcomes[source] = .kept(hash: image.hash, bytes: image.data.count)
      condition.unlock()
      return (.kept(hash: image.hash, bytes: image.data.count), image)
    case .failure(let reason):
      settle(source, .refused(reason))
      return (.refused(reason), nil)
    }
  }

  private func settle(_ source: String, _ outcome: Outcome) {
    condition.lock()
    outcomes[source] = outcome
    fetching.remove(source)
    condition.broadcast()
    condition.unlock()
  }

  /// Lets the threads waiting for `source` see it kept, or fetch it themselves when it
  /// was not stored.
  private func publish(_ source: String, stored: Bool) {
    condition.lock()
    if !stored { outcomes[source] = nil }
    fetching.remove(source)
    condition.broadcast()
    condition.unlock()
  }

  private func count(fresh: Bool) {
    condition.lock()
    if fresh { report.kept += 1 } else { report.reused += 1 }
    condition.unlock()
  }

  /// One warning per address and update, unless `always` (a budget is the article's).
  private func note(_ feed: String, _ source: String, _ reason: ImageRefusal, always: Bool = false)
  {
    condition.lock()
    if always || noted.insert(source).inserted {
      report.warnings[feed, default: []].append("picture skipped: \(source): \(reason)")
    }
    condition.unlock()
  }
}
