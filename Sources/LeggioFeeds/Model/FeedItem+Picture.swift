import Foundation
import LeggioModel

extension FeedItem {
  /// The item's lead picture when its feed names one beside the text: an enclosure or
  /// `media:content` of an image type (or, without a type, an image file's name), else
  /// its `media:thumbnail` or JSON Feed `image`. Only http(s) addresses.
  public var picture: String? {
    let enclosed = enclosures.first { enclosure in
      if let type = enclosure.type?.lowercased(), !type.isEmpty {
        return type.hasPrefix("image/")
      }
      return Self.looksLikePicture(enclosure.url)
    }
    guard let address = enclosed?.url ?? image, let url = URL(string: address),
      let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https"
    else { return nil }
    return address
  }

  static func looksLikePicture(_ address: String) -> Bool {
    let path = (URL(string: address)?.path ?? address).lowercased()
    return [".jpg", ".jpeg", ".png", ".gif", ".webp"].contains { path.hasSuffix($0) }
  }

  /// `document` with the item's lead picture at its top, when it has one and the text
  /// shows no picture of its own (a feed's featured picture is most often the text's
  /// first one at another size, which would then show twice).
  func withPicture(_ document: Document) -> Document {
    guard let picture else { return document }
    let showsOne = document.blocks.contains { block in
      if case .image = block.kind, block.source != nil { return true }
      return block.inlines.contains { $0.image != nil }
    }
    guard !showsOne else { return document }
    var lead = Block(.image(credit: nil), text: "")
    lead.source = picture
    var result = document
    result.blocks.insert(lead, at: 0)
    return result
  }
}
