import CLibXML2

/// Values worked out once per libxml2 name pointer (the parser keeps each name once in
/// its dictionary): a small direct-mapped table in front of a dictionary, as a page asks
/// for the same few dozen names thousands of times and hashing each pointer costs more
/// than the lookup.
struct PointerMemo<Value> {
  private var keys = [UnsafePointer<xmlChar>?](repeating: nil, count: 128)
  private var values: [Value?] = Array(repeating: nil, count: 128)
  private var spilled: [UnsafePointer<xmlChar>: Value] = [:]

  /// The value for `pointer`, made by `make` the first time it is asked for.
  @inline(__always)
  mutating func value(
    for pointer: UnsafePointer<xmlChar>, _ make: (UnsafePointer<xmlChar>) -> Value
  ) -> Value {
    // Fibonacci hashing of the address: its top bits pick the slot.
    let bucket = Int(truncatingIfNeeded: (UInt(bitPattern: pointer) &* 0x9E37_79B9_7F4A_7C15) >> 57)
    if keys[bucket] == pointer, let value = values[bucket] { return value }
    let value: Value
    if let known = spilled[pointer] {
      value = known
    } else {
      value = make(pointer)
      spilled[pointer] = value
    }
    keys[bucket] = pointer
    values[bucket] = value
    return value
  }
}
