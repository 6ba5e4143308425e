import LeggioLayout

/// A layout that can paginate a little more at a time on idle ticks.
///
/// INTEGRATION: the layout work gives `PagedArticle` a `layoutMore(budget: Int) -> Bool`
/// (about `budget` scalars per step, true while work remains); add
/// `extension PagedArticle: IncrementalPagination {}` and the reader drives it on `.tick`.
public protocol IncrementalPagination: AnyObject {
  /// Lays out about `budget` scalars more; returns whether work remains.
  @discardableResult func layoutMore(budget: Int) -> Bool
}
