import Foundation
import LeggioStore

/// OPML subscription lists in and out of the library's feeds.
extension FeedStore {
  /// Subscribes to every feed of an OPML list; those already subscribed are skipped.
  public func importOPML(_ subscriptions: [OPMLSubscription]) throws -> (
    added: [FeedRecord], skipped: [String]
  ) {
    var added: [FeedRecord] = []
    var skipped: [String] = []
    for subscription in subscriptions {
      do {
        added.append(
          try add(url: subscription.url, tags: subscription.tags, title: subscription.title))
      } catch let error as FeedSubscriptionError {
        skipped.append(error.errorDescription ?? subscription.url)
      }
    }
    return (added, skipped)
  }

  /// The subscriptions as OPML 2.0, tags as folders.
  public func exportOPML() throws -> String {
    let feeds = try feeds()
    return OPML.export(
      feeds: feeds.map {
        OPMLSubscription(url: $0.url, title: $0.title, siteURL: $0.siteURL, tags: $0.tags)
      })
  }
}
