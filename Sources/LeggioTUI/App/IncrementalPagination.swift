import LeggioLayout

/// A layout that can paginate a little more at a time on idle ticks. The layout issue
/// gives `PagedArticle` a `layoutMore(budget:)`; the integrator then adds
/// `extension PagedArticle: IncrementalPagination {}` (adapting the signature if needed)
/// and the reader drives it on `.tick`.
public protocol IncrementalPagination: AnyObject {
  /// Lays out for about `budget`; returns whether work remains.
  @discardableResult func layoutMore(budget: Duration) -> Bool
}
