import Foundation

/// What an imported annotation says about its article, for finding that article in a
/// library other than the one it was made in: the UUID there, the identity two libraries
/// compute alike, the web address, the hash of the text it was made on and its quote.
public struct ArticleClue: Hashable, Sendable {
  public var uuid: String?
  public var identity: String?
  public var source: String?
  public var textHash: String?
  public var quote: String?

  public init(
    uuid: String? = nil, identity: String? = nil, source: String? = nil,
    textHash: String? = nil, quote: String? = nil
  ) {
    self.uuid = uuid
    self.identity = identity
    self.source = source
    self.textHash = textHash
    self.quote = quote
  }

  /// How the clue names the article in a message.
  var description: String {
    source ?? identity ?? uuid ?? "an unnamed article"
  }
}
