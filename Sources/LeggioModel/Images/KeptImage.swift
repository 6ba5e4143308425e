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
    let digits = Array("0123456789abcdef".utf8)
    let hex = SHA256.hash(data).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }
    self.init(source: source, data: data, info: info, hash: String(decoding: hex, as: UTF8.self))
  }

  /// A picture whose hash is already known (the library keeps it beside the bytes).
  public init(source: String, data: Data, info: ImageInfo, hash: String) {
    self.source = source
    self.data = data
    self.info = info
    self.hash = hash
  }
}
