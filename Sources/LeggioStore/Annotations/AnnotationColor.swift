/// One of the theme's five highlight colours, 1...5 (the `highlight1`...`highlight5` UI
/// roles); the keys `1`–`5` in the reader pick them.
public struct AnnotationColor: RawRepresentable, Codable, Hashable, Sendable, Comparable {
  public let rawValue: Int

  /// Nil unless `rawValue` is 1...5.
  public init?(rawValue: Int) {
    guard (1...5).contains(rawValue) else { return nil }
    self.rawValue = rawValue
  }

  /// The colour `number`, or `AnnotationError.invalidColor`.
  public static func checked(_ number: Int) throws -> AnnotationColor {
    guard let color = AnnotationColor(rawValue: number) else {
      throw AnnotationError.invalidColor(number)
    }
    return color
  }

  public static let all = (1...5).compactMap(AnnotationColor.init(rawValue:))
  public static let first = AnnotationColor(rawValue: 1)!

  /// The name the default theme gives it, used in Markdown exports.
  public var name: String {
    ["yellow", "green", "blue", "pink", "purple"][rawValue - 1]
  }

  public init(from decoder: any Decoder) throws {
    let number = try decoder.singleValueContainer().decode(Int.self)
    guard let color = AnnotationColor(rawValue: number) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "colour \(number) is not 1...5"))
    }
    self = color
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
