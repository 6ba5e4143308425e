/// Media RSS's `media:thumbnail`, the picture many feeds give each item: on the item,
/// in its `media:group`, or inside a `media:content`.
enum MediaThumbnail {
  private static let media: Set<String?> = [FeedNamespace.media]

  /// The first thumbnail's address, resolved against the item's base.
  static func url(in item: FeedXMLElement) -> String? {
    // Each place is a Media RSS child of the item, or the item itself: an item with no
    // such child (most) has none, found in one pass instead of five lists built.
    guard hasMediaChild(item) else { return nil }
    let places =
      [item] + item.children("group", in: media) + item.children("content", in: media)
      + item.children("group", in: media).flatMap { $0.children("content", in: media) }
    for place in places {
      for thumbnail in place.children("thumbnail", in: media) {
        if let url = thumbnail.attribute("url"), !url.isEmpty { return thumbnail.resolve(url) }
      }
    }
    return nil
  }

  private static func hasMediaChild(_ item: FeedXMLElement) -> Bool {
    for case .element(let element) in item.contents where element.namespace == FeedNamespace.media {
      return true
    }
    return false
  }
}
