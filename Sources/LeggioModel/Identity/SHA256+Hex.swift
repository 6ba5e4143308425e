import CCrypto
import Foundation

extension SHA256 {
  /// The digest of `bytes` as 64 lowercase hex digits: the names of content-addressed files.
  public static func hex<Bytes: Sequence>(bytes: Bytes) -> String where Bytes.Element == UInt8 {
    hexDigits(hash(bytes))
  }

  /// A digest written as lowercase hex digits, two a byte.
  public static func hexDigits(_ digest: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var hex: [UInt8] = []
    hex.reserveCapacity(2 * digest.count)
    for byte in digest {
      hex.append(digits[Int(byte >> 4)])
      hex.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: hex, as: UTF8.self)
  }

  /// libcrypto's SHA-256 of `bytes` (opened with dlopen on first use; it uses the
  /// processor's SHA instructions, about ten times the speed of this type), the same
  /// digest as `hash`; nil when libcrypto cannot be loaded. Worth its load only for large
  /// inputs or many of them: callers choose from what length on.
  public static func libraryDigest(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
    var digest = [UInt8](repeating: 0, count: 32)
    let status = digest.withUnsafeMutableBufferPointer {
      leggio_crypto_sha256(bytes.baseAddress, bytes.count, $0.baseAddress)
    }
    return status == 0 ? digest : nil
  }
}
