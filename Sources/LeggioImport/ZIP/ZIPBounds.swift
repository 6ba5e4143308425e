/// Checks, before ZIPFoundation reads an archive held in memory, that every record it will
/// seek to lies inside the bytes: the end of central directory (and its ZIP64 form), each
/// central directory entry, each local header and the data it announces.
///
/// ZIPFoundation's in-memory reader trusts the offsets an archive declares, and a seek past
/// the end stops the whole process ("Range requires lowerBound <= upperBound"): a damaged
/// or hostile EPUB or export zip must be refused with a message instead.
enum ZIPBounds {
  /// What is out of place, for the error message.
  struct Problem: Error, Equatable {
    var detail: String
  }

  private static let endRecordLength = 22
  private static let centralEntryLength = 46
  private static let localHeaderLength = 30

  /// Checks `data` and returns where each entry's data lies, in the directory's order (the
  /// order ZIPFoundation gives its entries in).
  @discardableResult
  static func check(_ data: some Collection<UInt8>) throws(Problem) -> [ZIPEntryLocation] {
    let bytes = Array(data)
    var locations: [ZIPEntryLocation] = []
    guard let end = endRecord(in: bytes) else {
      throw Problem(detail: "it has no ZIP directory")
    }
    var entries = Int(read16(bytes, end + 10))
    var directorySize = Int(read32(bytes, end + 12))
    var directoryOffset = Int(read32(bytes, end + 16))
    if entries == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
      // ZIP64: a locator just before the record points at the larger record.
      let locator = end - 20
      guard locator >= 0, read32(bytes, locator) == 0x0706_4B50 else {
        throw Problem(detail: "its ZIP64 directory locator is missing")
      }
      let record = try offset(read64(bytes, locator + 8), within: bytes, length: 56)
      guard read32(bytes, record) == 0x0606_4B50 else {
        throw Problem(detail: "its ZIP64 directory record is missing")
      }
      entries = try count(read64(bytes, record + 32))
      directorySize = try count(read64(bytes, record + 40))
      directoryOffset = try offset(read64(bytes, record + 48), within: bytes, length: 0)
    }
    guard directoryOffset <= bytes.count, directorySize <= bytes.count - directoryOffset else {
      throw Problem(detail: "its ZIP directory lies past the end of the file")
    }
    var cursor = directoryOffset
    for _ in 0..<entries {
      guard cursor + centralEntryLength <= bytes.count else {
        throw Problem(detail: "its ZIP directory is cut short")
      }
      // ZIPFoundation stops at the first record that is not one.
      guard read32(bytes, cursor) == 0x0201_4B50 else { return locations }
      var compressed = UInt64(read32(bytes, cursor + 20))
      let uncompressed = read32(bytes, cursor + 24)
      var size = UInt64(uncompressed)
      let nameLength = Int(read16(bytes, cursor + 28))
      let extraLength = Int(read16(bytes, cursor + 30))
      let commentLength = Int(read16(bytes, cursor + 32))
      var localOffset = UInt64(read32(bytes, cursor + 42))
      let recordEnd = cursor + centralEntryLength + nameLength + extraLength + commentLength
      guard recordEnd <= bytes.count else {
        throw Problem(detail: "its ZIP directory is cut short")
      }
      if compressed == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF {
        let extra = cursor + centralEntryLength + nameLength
        let wide = zip64Values(bytes, extra..<(extra + extraLength))
        var index = 0
        if uncompressed == 0xFFFF_FFFF, index < wide.count {
          size = wide[index]
          index += 1
        }
        if compressed == 0xFFFF_FFFF, index < wide.count {
          compressed = wide[index]
          index += 1
        }
        if localOffset == 0xFFFF_FFFF, index < wide.count { localOffset = wide[index] }
      }
      let header = try offset(localOffset, within: bytes, length: localHeaderLength)
      guard read32(bytes, header) == 0x0403_4B50 else {
        throw Problem(detail: "an entry's header is not where the directory says")
      }
      let dataStart =
        header + localHeaderLength + Int(read16(bytes, header + 26))
        + Int(read16(bytes, header + 28))
      guard dataStart <= bytes.count, compressed <= UInt64(bytes.count - dataStart) else {
        throw Problem(detail: "an entry's data runs past the end of the file")
      }
      locations.append(
        ZIPEntryLocation(
          method: read16(bytes, cursor + 10), checksum: read32(bytes, cursor + 16),
          start: dataStart, compressedSize: Int(compressed),
          size: Int(clamping: size)))
      cursor = recordEnd
    }
    return locations
  }

  /// Where the end of central directory record starts: the last signature in the final
  /// 22 + 65,535 bytes, as ZIPFoundation looks for it.
  private static func endRecord(in bytes: [UInt8]) -> Int? {
    guard bytes.count >= endRecordLength else { return nil }
    let lowest = max(0, bytes.count - endRecordLength - 0xFFFF)
    var index = bytes.count - endRecordLength
    while index >= lowest {
      if read32(bytes, index) == 0x0605_4B50 { return index }
      index -= 1
    }
    return nil
  }

  /// The 64-bit values of an entry's ZIP64 extra field (header id 1).
  private static func zip64Values(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt64] {
    var cursor = range.lowerBound
    while cursor + 4 <= range.upperBound {
      let id = read16(bytes, cursor)
      let size = Int(read16(bytes, cursor + 2))
      let body = cursor + 4
      guard body + size <= range.upperBound else { return [] }
      if id == 1 {
        return stride(from: body, to: body + size - 7, by: 8).map { read64(bytes, $0) }
      }
      cursor = body + size
    }
    return []
  }

  private static func offset(_ value: UInt64, within bytes: [UInt8], length: Int) throws(Problem)
    -> Int
  {
    guard value <= UInt64(bytes.count), Int(value) + length <= bytes.count else {
      throw Problem(detail: "a record lies past the end of the file")
    }
    return Int(value)
  }

  private static func count(_ value: UInt64) throws(Problem) -> Int {
    guard value <= UInt64(Int32.max) else { throw Problem(detail: "its directory is too large") }
    return Int(value)
  }

  private static func read16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
    UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
  }

  private static func read32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
    UInt32(read16(bytes, at)) | UInt32(read16(bytes, at + 2)) << 16
  }

  private static func read64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
    UInt64(read32(bytes, at)) | UInt64(read32(bytes, at + 4)) << 32
  }
}
