import Dispatch

/// Freeing a long text's parts on every core: a book's lines, chunks and blocks freed one
/// by one on one thread were a few milliseconds at the end of an import that the other
/// core could not share.
extension ConcurrentSlices {
  /// Empties `arrays`, the inner arrays freed in slices on every core. Inlinable, so
  /// that each element type gets its own code (as a generic function, each element was
  /// assigned through the runtime's value witnesses).
  @inlinable
  public static func releaseConcurrently<Element>(_ arrays: inout [[Element]]) {
    releaseConcurrently(&arrays, emptying: [])
  }

  /// Empties `lines`, their strings released in slices on every core.
  @inlinable
  public static func releaseConcurrently(_ lines: inout [Substring]) {
    releaseConcurrently(&lines, emptying: Substring())
  }

  /// Empties `elements` by overwriting each with `empty` (which holds nothing to free)
  /// in slices on every core, then dropping the array.
  @inlinable
  static func releaseConcurrently<Element>(
    _ elements: inout [Element], emptying empty: Element
  ) {
    let count = elements.count
    if count >= 4096, coreCount > 1 {
      let slices = 8
      elements.withUnsafeMutableBufferPointer { buffer in
        let base = SharedBuffer(base: buffer.baseAddress!)
        let filler = SharedValue(value: empty)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
          for index in count * slice / slices..<count * (slice + 1) / slices {
            base.base[index] = filler.value
          }
        }
      }
    }
    elements = []
  }
}

/// A value every thread copies (an empty one: copying it retains nothing).
@usableFromInline
struct SharedValue<Element>: @unchecked Sendable {
  @usableFromInline
  let value: Element

  @usableFromInline
  init(value: Element) { self.value = value }
}
