/// One block's cluster arrays, handed from each block laid out to the next: `leggio show`
/// sets a book's blocks one after another, and allocating and freeing a `ClusterBuffer`'s
/// seven arrays for each of them (and each unit's parts) cost more than filling them.
/// One per thread of layout, never shared.
final class ClusterStorage {
  private var spare = ClusterBuffer()
  /// Swapped in for the spare taken (shared: making a buffer allocates two arrays).
  private static let empty = ClusterBuffer()

  /// An empty buffer for a text of about `capacity` bytes, on the storage of the buffer
  /// last recycled when nothing else holds it any more.
  func take(capacity: Int) -> ClusterBuffer {
    var buffer = Self.empty
    swap(&buffer, &spare)
    buffer.removeAll(reservingCapacity: capacity)
    return buffer
  }

  /// Keeps the text of `unit`'s last part (a block's body) for the next `take`, moved out
  /// of the unit (which is used up) rather than copied: its arrays are reused in place.
  func recycle(_ unit: consuming FlowUnit) {
    guard var last = unit.parts.popLast(), last.picture == nil else { return }
    swap(&spare, &last.text)
  }
}
