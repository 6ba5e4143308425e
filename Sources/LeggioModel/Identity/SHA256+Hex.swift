import Foundation

extension SHA256 {
  /// The digest of `bytes` as 64 lowercase hex digits: the names of content-addressed files.
  public static func hex<Bytes: Sequence>(bytes: Bytes) -> String where Bytes.Element == UInt8 {
    hash(bytes).map { String(format: "%02x", $0) }.joined()
  }
}
