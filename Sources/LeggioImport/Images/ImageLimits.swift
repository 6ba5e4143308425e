/// How much of an article's pictures Leggio keeps: a picture larger than
/// `bytesPerImage`, or with more than `maximumPixels` (a decompression bomb declares its
/// size in its header and is refused before it is decoded), is skipped, and so is any
/// picture once the article's pictures reach `bytesPerArticle`.
public struct ImageLimits: Hashable, Sendable {
  public var bytesPerImage: Int
  public var bytesPerArticle: Int
  public var maximumPixels: Int
  /// The longest side in pixels.
  public var maximumSide: Int

  public init(
    bytesPerImage: Int = 8 << 20, bytesPerArticle: Int = 32 << 20,
    maximumPixels: Int = 40_000_000, maximumSide: Int = 16_384
  ) {
    self.bytesPerImage = bytesPerImage
    self.bytesPerArticle = bytesPerArticle
    self.maximumPixels = maximumPixels
    self.maximumSide = maximumSide
  }
}
