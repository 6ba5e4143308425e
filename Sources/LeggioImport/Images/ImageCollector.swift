import Foundation
import LeggioModel

/// Fetches the pictures of a web article when it is added, so that it reads offline with
/// them: every picture its document names over http(s), each checked by its bytes and
/// limited in size; what is skipped becomes a warning, and the article is kept either way.
/// Nothing is fetched while reading.
public struct ImageCollector: Sendable {
  public var limits: ImageLimits
  /// Seconds one picture may take.
  public var timeout: TimeInterval
  /// How many pictures are fetched at once.
  public var concurrency: Int

  public init(limits: ImageLimits = ImageLimits(), timeout: TimeInterval = 20, concurrency: Int = 4)
  {
    self.limits = limits
    self.timeout = timeout
    self.concurrency = max(1, concurrency)
  }

  /// The addresses of the pictures `document` shows (blocks and pictures in the text), in
  /// reading order, each once.
  public static func sources(in document: Document) -> [String] {
    var seen = Set<String>()
    var sources: [String] = []
    for block in document.blocks {
      if case .image = block.kind, let source = block.source, seen.insert(source).inserted {
        sources.append(source)
      }
      for inline in block.inlines {
        if let source = inline.image?.source, seen.insert(source).inserted {
          sources.append(source)
        }
      }
    }
    return sources
  }

  /// Fetches `article`'s pictures into `article.images`, adding a warning for each one
  /// skipped. Blocks the calling thread.
  public func collect(into article: inout ImportedArticle) {
    let sources = Self.sources(in: article.document).filter {
      guard let scheme = URL(string: $0)?.scheme?.lowercased() else { return false }
      return scheme == "http" || scheme == "https"
    }
    guard !sources.isEmpty else { return }
    let results = ResultSlots(count: sources.count)
    let next = ResultSlots.Counter()
    DispatchQueue.concurrentPerform(iterations: min(concurrency, sources.count)) { _ in
      while let index = next.take(below: sources.count) {
        results.set(index, fetch(sources[index]))
      }
    }
    let (images, skipped) = ImageVetting.budget(
      zip(sources, results.values).map { ($0, $1) }, limits: limits)
    article.images = images
    article.notePictures(skipped: skipped)
  }

  /// One picture, fetched and checked. Blocks the calling thread.
  package func fetch(_ source: String) -> Result<KeptImage, ImageRefusal> {
    guard let url = URL(string: source) else { return .failure(.failed("not a usable address")) }
    let request = HTTPGetRequest(
      url: url,
      headers: [
        ("User-Agent", PageFetcher.userAgent),
        ("Accept", "image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.5"),
      ],
      idleTimeout: timeout, totalTimeout: timeout, maximumBytes: limits.bytesPerImage)
    let limit = limits.bytesPerImage
    do {
      let response = try HTTPClient().get(
        request,
        inspect: { head in
          if head.status >= 400 { throw ImageRefusal.httpStatus(head.status) }
          if let length = head.value("Content-Length").flatMap(Int.init), length > limit {
            throw ImageRefusal.tooLarge(limit: limit)
          }
        })
      guard (200..<300).contains(response.status) else {
        return .failure(.httpStatus(response.status))
      }
      return ImageVetting.vet(
        response.body, source: source, contentType: response.value("Content-Type"),
        limits: limits)
    } catch let refusal as ImageRefusal {
      return .failure(refusal)
    } catch HTTPTransferError.tooLarge {
      return .failure(.tooLarge(limit: limit))
    } catch let error as HTTPTransferError {
      let described = PageFetcher(timeout: timeout).fetchError(for: error)
      return .failure(.failed(described.errorDescription ?? "\(described)"))
    } catch {
      return .failure(.failed("\(error)"))
    }
  }
}

/// The results of the pictures fetched at once, each in its slot.
private final class ResultSlots: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result<KeptImage, ImageRefusal>?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ result: Result<KeptImage, ImageRefusal>) {
    lock.withLock { slots[index] = result }
  }

  var values: [Result<KeptImage, ImageRefusal>] {
    lock.withLock { slots.map { $0 ?? .failure(.failed("not fetched")) } }
  }

  /// Hands out indices 0, 1, 2… to the fetching threads.
  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below count: Int) -> Int? {
      lock.withLock {
        guard next < count else { return nil }
        defer { next += 1 }
        return next
      }
    }
  }
}
