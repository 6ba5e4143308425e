import Foundation

/// A picture of an article, fetched or read when the article was added, kept in the
/// library beside it: the article is read offline, pictures and all.
public struct KeptImage: Hashable, Sendable {
  /// The address the document names it by (`Block.source`, `InlineImage.source`).
  public var source: String
  public var data: Data
  public var info: ImageInfo
  /// The SHA-256 of `data` in hex: the library keeps each picture once.
  public var hash: String

  public init(source: String, data: Data, info: ImageInfo) {
    self.source = source
    self.data = data
    self.info = info
    self.hash = SHA256.hash(data).map { String(format: "%02x", $0) }.joined()
  }
}
