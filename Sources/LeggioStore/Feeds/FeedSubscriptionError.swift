import Foundation

/// Why a subscription could not be added, found or changed in the library.
public enum FeedSubscriptionError: LocalizedError, Hashable, Sendable {
  /// No feed with this id in the library.
  case unknownFeed(id: Int64)
  /// This URL is already subscribed.
  case alreadySubscribed(url: String, id: Int64)
  /// The text given as a URL is not an http(s) or file URL.
  case invalidURL(String)

  public var errorDescription: String? {
    switch self {
    case .unknownFeed(let id):
      "There is no feed \(id); `leggio feeds list` shows the feeds and their ids."
    case .alreadySubscribed(let url, let id):
      "\(url) is already subscribed as feed \(id)."
    case .invalidURL(let text):
      "“\(text)” is not a feed URL; give an http:// or https:// address."
    }
  }
}
