import Dispatch
import Foundation

extension ConcurrentSlices {
  /// The arrays one after another in one array, each copied in by a thread of its own:
  /// joining the slices of a whole book (its 60,000 lines, each a retained `Substring`)
  /// on one thread was a few milliseconds that nothing else could use.
  public static func joined<Element: Sendable>(_ parts: [[Element]]) -> [Element] {
    let total = parts.reduce(0) { $0 + $1.count }
    guard parts.count > 1, total >= 4096, coreCount > 1 else {
      return parts.flatMap { $0 }
    }
    var next = 0
    let starts = parts.map { part in
      defer { next += part.count }
      return next
    }
    return [Element](unsafeUninitializedCapacity: total) { buffer, count in
      let target = SharedBuffer(base: buffer.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: parts.count) { index in
        parts[index].withUnsafeBufferPointer { source in
          guard let from = source.baseAddress else { return }
          (target.base + starts[index]).initialize(from: from, count: source.count)
        }
      }
      count = total
    }
  }

  /// The parts one after another in one array, each moved in by a thread of its own
  /// (`joined` copies each element in: a retain for every string it holds):
  /// its elements are taken from its end (`popLast` moves an element out of an array
  /// nothing else holds), so nothing is retained, released or freed element by element.
  /// Inlinable, so that each caller's module gets it specialized: as a generic function
  /// each `popLast` looked up `Optional<Element>`'s metadata (25 M instructions a book).
  @inlinable
  public static func joinedMoving<Element: Sendable>(_ parts: consuming [[Element]]) -> [Element] {
    var parts = parts
    let total = parts.reduce(0) { $0 + $1.count }
    guard parts.count > 1, total >= 4096, coreCount > 1 else { return parts.flatMap { $0 } }
    var next = 0
    let ends = parts.map { part in
      next += part.count
      return next
    }
    return [Element](unsafeUninitializedCapacity: total) { buffer, count in
      let target = SharedBuffer(base: buffer.baseAddress!)
      parts.withUnsafeMutableBufferPointer { parts in
        let source = SharedBuffer(base: parts.baseAddress!)
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
}

/// An array's storage shared by the threads of one `concurrentPerform`, each of which
/// touches only its own range.
@usableFromInline
struct SharedBuffer<Element>: @unchecked Sendable {
  @usableFromInline
  let base: UnsafeMutablePointer<Element>

  @usableFromInline
  init(base: UnsafeMutablePointer<Element>) { self.base = base }
}

extension ConcurrentSlices {
  /// An array made of parts whose lengths are known beforehand, part `index` written in
  /// place, on a thread of its own, by `fill(index, buffer)`, which must initialize all
  /// `counts[index]` elements of `buffer`. `joined` without building each part in an array
  /// of its own first: a book's 70,000 lines were copied twice on their way to one array,
  /// a retain and a release for each copy, and pages of memory touched for each.
  public static func joined<Element>(
    counts: [Int], _ fill: @Sendable (Int, UnsafeMutableBufferPointer<Element>) -> Void
  ) -> [Element] {
    var next = 0
    let starts = counts.map { count in
      defer { next += count }
      return next
    }
    let total = next
    guard total > 0 else { return [] }
    return [Element](unsafeUninitializedCapacity: total) { buffer, count in
      let target = SharedBuffer(base: buffer.baseAddress!)
      if counts.count > 1, total >= 4096, coreCount > 1 {
        DispatchQueue.concurrentPerform(iterations: counts.count) { index in
          fill(
            index,
            UnsafeMutableBufferPointer(start: target.base + starts[index], count: counts[index]))
        }
      } else {
        for index in counts.indices {
          fill(
            index,
            UnsafeMutableBufferPointer(start: target.base + starts[index], count: counts[index]))
        }
      }
      count = total
    }
  }
}
