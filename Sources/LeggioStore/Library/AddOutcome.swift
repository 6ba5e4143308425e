/// What `Library.add` did with an imported article.
public enum AddOutcome: Hashable, Sendable {
  /// A new article (or one brought back from the bin).
  case added(Int64)
  /// The same source with changed content: a new version of the same article, or new
  /// metadata; older versions are kept.
  case updated(Int64)
  /// Already in the library with this content (from this source or another one).
  case unchanged(Int64)

  /// The short id of the article concerned.
  public var id: Int64 {
    switch self {
    case .added(let id), .updated(let id), .unchanged(let id): id
    }
  }

  /// "added", "updated" or "unchanged", as `leggio add` prints it.
  public var verb: String {
    switch self {
    case .added: "added"
    case .updated: "updated"
    case .unchanged: "unchanged"
    }
  }
}
