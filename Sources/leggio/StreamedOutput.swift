#if canImport(Glibc)
  import Glibc
#endif

/// Standard output written as it is produced, 64 KiB at a time: `list`, `list --json`,
/// `search --json` print 100,000 rows in the memory of one buffer, not of the whole text.
final class StreamedOutput {
  private var buffer: [UInt8] = []
  private let capacity: Int

  init(capacity: Int = 1 << 16) {
    self.capacity = capacity
    buffer.reserveCapacity(capacity + 4096)
  }

  /// Appends `text`; writes the buffer out once it is full.
  func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= capacity { flush() }
  }

  /// Lets `body` append bytes to the buffer; writes it out once it is full.
  func write(_ body: (inout [UInt8]) -> Void) {
    body(&buffer)
    if buffer.count >= capacity { flush() }
  }

  /// Writes out what is buffered.
  func flush() {
    guard !buffer.isEmpty else { return }
    Console.write(buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  deinit { flush() }
}

/// A JSON array written one element at a time, exactly as `JSONValue.array(...).text`
/// prints it (two spaces of indent, `[]` when empty), followed by a newline.
final class StreamedJSONArray {
  private let output = StreamedOutput()
  private var count = 0

  func append(_ value: JSONValue) {
    append { value.write(into: &$0, indent: 1) }
  }

  /// Appends an element that `write` writes itself, as `JSONValue.write(into:indent: 1)`
  /// would.
  func append(_ write: (inout [UInt8]) -> Void) {
    let first = count == 0
    output.write { bytes in
      if first { bytes.append(literal: "[\n  ") } else { bytes.append(literal: ",\n  ") }
      write(&bytes)
    }
    count += 1
  }

  /// Closes the array and writes out everything.
  func finish() {
    output.write(count == 0 ? "[]\n" : "\n]\n")
    output.flush()
  }
}
