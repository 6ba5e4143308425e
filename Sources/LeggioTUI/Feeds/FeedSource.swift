import LeggioStore

/// Where the feeds screen reads the subscriptions from: the real `Library` in the app,
/// beside `ArticleStore`, so the application does not depend on `Library` itself.
public protocol FeedSource: AnyObject, Sendable {
  /// The feeds with their item and unread counts and last errors.
  func feedListings() throws -> [FeedListing]
}

extension Library: FeedSource {}
