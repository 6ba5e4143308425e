/// UTF-16 code units from bytes in either order; a lone surrogate or an odd last byte
/// becomes U+FFFD.
enum UTF16Bytes {
  static func decode(_ bytes: some Collection<UInt8>, bigEndian: Bool) -> String {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var iterator = bytes.makeIterator()
    while let first = iterator.next() {
      guard let second = iterator.next() else {
        units.append(0xFFFD)
        break
      }
      units.append(
        bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first))
    }
    return String(decoding: units, as: UTF16.self)
  }
}
