import Dispatch
import LeggioModel

/// Joining and freeing the parts of a long text's import on every core, moving elements
/// instead of copying them. `ConcurrentSlices.joined` copies each element in (a retain
/// for every string it holds) and leaves the parts to be freed by the caller, one by
/// one, on one thread: for a book's 11,000 blocks and its chunks of lines, a few
/// milliseconds at the end of the import that the other core could not share.
extension ConcurrentSlices {
  /// The parts one after another in one array, each moved in by a thread of its own:
  /// its elements are taken from its end (`popLast` moves an element out of an array
  /// nothing else holds), so nothing is retained, released or freed element by element.
  static func joinedMoving<Element: Sendable>(_ parts: consuming [[Element]]) -> [Element] {
    var parts = parts
    let total = parts.reduce(0) { $0 + $1.count }
    guard parts.count > 1, total >= 4096, coreCount > 1 else { return parts.flatMap { $0 } }
    var next = 0
    let ends = parts.map { part in
      next += part.count
      return next
    }
    return [Element](unsafeUninitializedCapacity: total) { buffer, count in
      let target = SlicePointer(base: buffer.baseAddress!)
      parts.withUnsafeMutableBufferPointer { parts in
        let source = SlicePointer(base: parts.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
          var part: [Element] = []
          swap(&part, &source.base[index])
          var end = ends[index]
          while let element = part.popLast() {
            end -= 1
            (target.base + end).initialize(to: element)
          }
        }
      }
      count = total
    }
  }

  /// Empties `arrays`, the inner arrays freed in slices on every core.
  static func releaseConcurrently<Element>(_ arrays: inout [[Element]]) {
    releaseConcurrently(&arrays, emptying: [])
  }

  /// Empties `lines`, their strings released in slices on every core.
  static func releaseConcurrently(_ lines: inout [Substring]) {
    releaseConcurrently(&lines, emptying: Substring())
  }

  /// Empties `elements` by overwriting each with `empty` (which holds nothing to free)
  /// in slices on every core, then dropping the array.
  private static func releaseConcurrently<Element>(
    _ elements: inout [Element], emptying empty: Element
  ) {
    let count = elements.count
    if count >= 4096, coreCount > 1 {
      let slices = 8
      elements.withUnsafeMutableBufferPointer { buffer in
        let base = SlicePointer(base: buffer.baseAddress!)
        let filler = SliceValue(value: empty)
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

/// A buffer shared by the threads of one `concurrentPerform`, each of which touches only
/// its own elements.
private struct SlicePointer<Element>: @unchecked Sendable {
  let base: UnsafeMutablePointer<Element>
}

/// A value every thread copies (an empty one: copying it retains nothing).
private struct SliceValue<Element>: @unchecked Sendable {
  let value: Element
}
