/// The hyphenation points of words already looked up, by the word's lower-case UTF-8
/// bytes: open addressing over one byte arena, each word's points a bit mask (bit k: a
/// break after k letters). A lookup hashes the bytes (FNV-1a) and allocates nothing, where
/// a `Dictionary` of byte arrays hashed each key with SipHash, allocated its arrays of
/// points, and took a tenth of `leggio show`'s time.
struct HyphenPointsTable {
  private struct Slot {
    var hash: UInt64 = 0
    /// Where the key starts in `arena`; -1 for an empty slot.
    var start: Int32 = -1
    var length: Int32 = 0
    var points: UInt64 = 0
  }

  /// The longest word (in letters) whose points fit the mask.
  static let longestWord = 63

  private var slots: [Slot]
  private var arena: [UInt8] = []
  private(set) var count = 0

  /// Room for `capacity` words before the table grows.
  init(capacity: Int) {
    var size = 16
    while size < 2 * capacity { size *= 2 }
    slots = Array(repeating: Slot(), count: size)
    arena.reserveCapacity(capacity * 8)
  }

  static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return hash
  }

  /// The points stored for `key` (whose hash is `hash`), nil when it was never stored.
  func points(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt64? {
    let mask = slots.count - 1
    var index = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
    return slots.withUnsafeBufferPointer { slots in
      arena.withUnsafeBufferPointer { arena in
        while true {
          let slot = slots[index]
          if slot.start < 0 { return nil }
          if slot.hash == hash && Int(slot.length) == key.count
            && memoryEqual(arena, Int(slot.start), key)
          {
            return slot.points
          }
          index = (index + 1) & mask
        }
      }
    }
  }

  /// Stores `points` for `key` (not yet stored), whose hash is `hash`.
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, points: UInt64) {
    if 2 * (count + 1) > slots.count { grow() }
    let start = Int32(arena.count)
    arena.append(contentsOf: key)
    place(Slot(hash: hash, start: start, length: Int32(key.count), points: points))
    count += 1
  }

  private mutating func place(_ slot: Slot) {
    let mask = slots.count - 1
    var index = Int(truncatingIfNeeded: slot.hash ^ (slot.hash >> 32)) & mask
    while slots[index].start >= 0 { index = (index + 1) & mask }
    slots[index] = slot
  }

  /// Twice the slots, each word placed again by its stored hash (keys are not rehashed).
  private mutating func grow() {
    let old = slots
    slots = Array(repeating: Slot(), count: old.count * 2)
    for slot in old where slot.start >= 0 { place(slot) }
  }

  private func memoryEqual(
    _ arena: UnsafeBufferPointer<UInt8>, _ start: Int, _ key: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    for k in 0..<key.count where arena[start + k] != key[k] { return false }
    return true
  }
}
