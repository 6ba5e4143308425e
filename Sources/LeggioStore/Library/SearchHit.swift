/// One result of a full-text search.
public struct SearchHit: Hashable, Sendable {
  public var id: Int64
  public var uuid: String
  public var title: String
  public var byline: String?
  /// A few words of the article around the best match, on one line.
  public var snippet: String
  /// The matched words in `snippet`, as Unicode scalar offsets.
  public var matches: [Range<Int>]
  /// The rank (`SearchRank`, a bm25); lower is a better match.
  public var score: Double

  public init(
    id: Int64, uuid: String, title: String, byline: String? = nil, snippet: String,
    matches: [Range<Int>], score: Double
  ) {
    self.id = id
    self.uuid = uuid
    self.title = title
    self.byline = byline
    self.snippet = snippet
    self.matches = matches
    self.score = score
  }
}
