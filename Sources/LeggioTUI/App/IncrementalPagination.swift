import LeggioLayout

/// A layout that can paginate a little more at a time on idle ticks: `PagedArticle`'s
/// `layoutMore(budget:)` lays out about `budget` scalars per step, true while work remains,
/// and the reader drives it on `.tick`.
public protocol IncrementalPagination: AnyObject {
  /// Lays out about `budget` scalars more; returns whether work remains.
  @discardableResult func layoutMore(budget: Int) -> Bool
}

extension PagedArticle: IncrementalPagination {}
