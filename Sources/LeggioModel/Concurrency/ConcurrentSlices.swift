import Dispatch
import Foundation

/// Work on a long array cut into contiguous slices, a few per core so that the cores
/// finish together, each transformed on a thread of GCD's pool; the results come back
/// in order. For CPU-bound passes over a whole
/// book (building paragraphs, laying out lines) whose elements do not depend on each
/// other. Short inputs stay on the calling thread: starting threads costs more than it
/// saves below `minimumSliceLength` elements per slice.
public enum ConcurrentSlices {
  public static func map<Element: Sendable, Result: Sendable>(
    _ elements: [Element], minimumSliceLength: Int = 256,
    _ transform: @Sendable (ArraySlice<Element>) -> Result
  ) -> [Result] {
    let cores = coreCount
    guard cores > 1 else { return [transform(elements[...])] }
    let count = max(1, min(cores * 4, elements.count / max(1, minimumSliceLength)))
    guard count > 1 else { return [transform(elements[...])] }
    let bounds = (0...count).map { elements.count * $0 / count }
    let results = ResultSlots<Result>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      results.store(transform(elements[bounds[index]..<bounds[index + 1]]), at: index)
    }
    return results.values
  }

  /// The cores this process may use, asked once: Foundation reads them from the
  /// scheduler and the control group's files on every call, and a book's import and
  /// layout split work a dozen times.
  public static let coreCount = ProcessInfo.processInfo.activeProcessorCount
}

/// One slot per slice, each written once by its own thread before `concurrentPerform`
/// returns, and read only after that. Raw memory, so that the threads writing distinct
/// slots never touch a shared array (whose exclusivity checks would trap).
final class ResultSlots<Value>: @unchecked Sendable {
  private let slots: UnsafeMutablePointer<Value?>
  private let count: Int

  init(count: Int) {
    self.count = count
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil, count: count)
  }

  deinit {
    slots.deinitialize(count: count)
    slots.deallocate()
  }

  func store(_ value: Value, at index: Int) { slots[index] = value }

  var values: [Value] { (0..<count).map { slots[$0]! } }
}
