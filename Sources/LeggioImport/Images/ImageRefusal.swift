import Foundation
import LeggioModel

/// Why a picture of an article was not kept; the article is kept all the same.
public enum ImageRefusal: Error, Hashable, Sendable, CustomStringConvertible {
  case httpStatus(Int)
  /// The bytes are not JPEG, PNG, GIF or WebP, whatever the server called them.
  case notAPicture(contentType: String?)
  case tooLarge(limit: Int)
  case tooManyPixels(width: Int, height: Int)
  /// The article's pictures already take all they may.
  case articleFull(limit: Int)
  case missing
  case failed(String)

  public var description: String {
    switch self {
    case .httpStatus(let code): "the server answered HTTP \(code)"
    case .notAPicture(let type):
      "not a JPEG, PNG, GIF or WebP picture" + (type.map { " (sent as \($0))" } ?? "")
    case .tooLarge(let limit): "larger than the \(Self.megabytes(limit)) a picture may take"
    case .tooManyPixels(let width, let height):
      "\(width)x\(height) pixels, too many to decode safely"
    case .articleFull(let limit):
      "the article's pictures already take the \(Self.megabytes(limit)) allowed"
    case .missing: "not found"
    case .failed(let reason): reason
    }
  }

  package static func megabytes(_ bytes: Int) -> String {
    bytes % (1 << 20) == 0
      ? "\(bytes >> 20) MB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
  }
}

/// Checks a picture's bytes: a known format by its first bytes, a sane size by its header.
package enum ImageVetting {
  package static func vet(
    _ data: Data, source: String, contentType: String? = nil, limits: ImageLimits
  ) -> Result<KeptImage, ImageRefusal> {
    guard data.count <= limits.bytesPerImage else {
      return .failure(.tooLarge(limit: limits.bytesPerImage))
    }
    guard let info = ImageInfo(data) else {
      return .failure(.notAPicture(contentType: contentType))
    }
    guard info.width <= limits.maximumSide, info.height <= limits.maximumSide,
      info.pixels <= limits.maximumPixels
    else { return .failure(.tooManyPixels(width: info.width, height: info.height)) }
    return .success(
      KeptImage(source: source, data: data, info: info, hash: PictureHash.hex(data)))
  }

  /// Keeps `candidates` in document order until the article's budget is spent.
  package static func budget(
    _ candidates: [(source: String, result: Result<KeptImage, ImageRefusal>)],
    limits: ImageLimits
  ) -> (images: [KeptImage], skipped: [(source: String, reason: ImageRefusal)]) {
    var images: [KeptImage] = []
    var skipped: [(String, ImageRefusal)] = []
    var spent = 0
    var seen: [String: Int] = [:]  // hash -> bytes already counted
    for (source, result) in candidates {
      switch result {
      case .failure(let reason): skipped.append((source, reason))
      case .success(let image):
        let cost = seen[image.hash] == nil ? image.data.count : 0
        guard spent + cost <= limits.bytesPerArticle else {
          skipped.append((source, .articleFull(limit: limits.bytesPerArticle)))
          continue
        }
        spent += cost
        seen[image.hash] = image.data.count
        images.append(image)
      }
    }
    return (images, skipped)
  }
}

extension ImportedArticle {
  /// Adds a warning per skipped picture: "picture skipped: URL: why".
  mutating func notePictures(skipped: [(source: String, reason: ImageRefusal)]) {
    for (source, reason) in skipped {
      warnings.append("picture skipped: \(source): \(reason)")
    }
  }
}
