/// One block's cluster arrays, handed from each block laid out to the next: `leggio show`
/// sets a book's blocks one after another, and allocating and freeing a `ClusterBuffer`'s
/// seven arrays for each of them (and each unit's parts) cost more than filling them.
/// One per thread of layout, never shared.
final class ClusterStorage {
  /// The buffer last recycled, moved in and out (never copied: a copy retains seven arrays,
  /// and a shared empty buffer swapped in had both cores retain and release the same ones).
  private var spare: ClusterBuffer?

  /// An empty buffer for a text of about `capacity` bytes, on the storage of the buffer
  /// last recycled when there is one.
  func take(capacity: Int) -> ClusterBuffer {
    guard var buffer = spare.take() else { return ClusterBuffer(capacity: capacity) }
    buffer.removeAll(reservingCapacity: capacity)
    return buffer
  }

  /// Keeps the text of `unit`'s last part (a block's body) for the next `take`, moved out
  /// of the unit (which is used up) rather than copied: its arrays are reused in place.
  func recycle(_ unit: consuming FlowUnit) {
    guard let last = unit.parts.popLast(), last.picture == nil else { return }
    recycle(text: last.text)
  }

  /// Keeps `text` for the next `take`.
  func recycle(text: consuming ClusterBuffer) {
    spare = text
  }
}
