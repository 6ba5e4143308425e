import Foundation
import LeggioModel

/// Converted pictures kept for the reader, so that turning back to a page with a picture
/// costs nothing: decoded pixels per picture, symbols per picture, size and colours.
/// A picture that cannot be decoded is remembered as such and not tried again.
public final class PictureCache: @unchecked Sendable {
  public static let shared = PictureCache()

  private struct SymbolKey: Hashable {
    var hash: String
    var columns: Int
    var rows: Int
    var colours: PictureColours
  }

  private let lock = NSLock()
  private var decoded: [String: DecodedPicture?] = [:]
  private var symbols: [SymbolKey: SymbolPicture?] = [:]
  /// Pixels are large: only the last few pictures' are kept.
  private var decodedOrder: [String] = []
  private let decodedLimit = 8

  public init() {}

  /// Forgets every converted picture (the bench's first drawing starts from nothing).
  public func removeAll() {
    lock.withLock {
      decoded.removeAll()
      symbols.removeAll()
      decodedOrder.removeAll()
    }
  }

  /// The decoded pixels of `image`, nil when it cannot be decoded.
  public func pixels(_ image: KeptImage) -> DecodedPicture? {
    if let known = lock.withLock({ decoded[image.hash] }) { return known }
    let picture = DecodedPicture(image.data)
    lock.withLock {
      decoded[image.hash] = picture
      decodedOrder.append(image.hash)
      if decodedOrder.count > decodedLimit { decoded[decodedOrder.removeFirst()] = nil }
    }
    return picture
  }

  /// `image` as symbols in `columns` x `rows` cells.
  public func symbols(_ image: KeptImage, columns: Int, rows: Int, colours: PictureColours)
    -> SymbolPicture?
  {
    let key = SymbolKey(hash: image.hash, columns: columns, rows: rows, colours: colours)
    if let known = lock.withLock({ symbols[key] }) { return known }
    let converted = pixels(image).flatMap {
      SymbolPicture($0, columns: columns, rows: rows, colours: colours)
    }
    lock.withLock {
      if symbols.count > 256 { symbols.removeAll() }
      symbols[key] = converted
    }
    return converted
  }
}
