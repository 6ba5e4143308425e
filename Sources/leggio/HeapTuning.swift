import Foundation
import LeggioModel

#if canImport(Glibc)
  import Glibc
#endif

/// glibc's allocator grows each thread's heap a page run at a time, with a system call
/// for every step: a feed update of 10,000 items made 22,000 of them. Asking it to grow
/// by 64 MiB at a time (M_TOP_PAD) leaves a few dozen. `mallopt` is not in Swift's Glibc
/// module, so it is looked up by name; elsewhere this does nothing.
///
/// It also keeps glibc to two heaps (M_ARENA_MAX): by default each thread that allocates
/// while another holds a heap gets one of its own, up to eight per core, and each keeps
/// what it freed. A 10,000-item update peaked at 134 MB with them, 107 MB with two.
enum HeapTuning {
  static func growInLargeSteps() {
    #if canImport(Glibc)
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
      let topPad: Int32 = -2  // M_TOP_PAD in malloc.h
      _ = mallopt(topPad, 64 << 20)
      let arenaMax: Int32 = -8  // M_ARENA_MAX in malloc.h
      _ = mallopt(arenaMax, 2)
    #endif
  }

  /// `show` of a long book allocates a few dozen buffers of hundreds of kilobytes (the
  /// text, its lines, each slice's output) and frees most of them again. Above glibc's
  /// mmap threshold (128 KiB at first) each is a fresh mapping whose pages fault in one by
  /// one and go back at once; kept in the heap (`growInLargeSteps`), freed pages are
  /// reused: 5,500 → 4,200 page faults and about a tenth of the CPU time for 3.4 MB.
  static func keepLargeBuffersInHeap() {
    growInLargeSteps()
    #if canImport(Glibc)
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
      let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in malloc.h; 32 MiB is its maximum
      _ = mallopt(mmapThreshold, 32 << 20)
    #endif
  }

  /// Asks for the heap `keepLargeBuffersInHeap` grows to be backed by 2 MiB pages
  /// (transparent huge pages, which this kernel gives only where asked), and keeps every
  /// thread on that one heap (M_ARENA_MAX 1; a second heap would be in small pages):
  /// `show` of a 3.4 MB book touches about 25 MB of fresh memory, which came 4 KiB at a
  /// time, one page fault each (6,300 a run, fmt has 90; 1,200 now). The heap is grown
  /// by its 64 MiB pad here, so that the range to advise is there; what is never touched
  /// is never backed. For a command that sets one text and exits: a long-running one
  /// would keep the larger pages.
  static func preferHugePagesInHeap() {
    #if canImport(Glibc)
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
        let arenaMax: Int32 = -8  // M_ARENA_MAX in malloc.h
        _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMax, 1)
      }
      adviseMainHeap(reservingUnadvisedStart: true)
    #endif
  }

  /// `preferHugePagesInHeap` for a command whose threads allocate side by side (`add`
  /// converting a book's chapters on both cores): both heaps of `growInLargeSteps` asked
  /// for 2 MiB pages, so that no thread waits on another's heap lock as one heap would
  /// have them. Adding a 3 MB book faulted about 13,800 pages in, 4 KiB at a time (a
  /// tenth of its CPU in the kernel); 2,400 now (glibc's own `glibc.malloc.hugetlb=1`,
  /// which cannot be set once the process runs: 1,700). The second heap is glibc's
  /// reservation of 64 MiB (`HEAP_MAX_SIZE`), aligned on its size, made for the first
  /// thread other than the main one that allocates: the one started here, which asks
  /// for it while the command goes on (when it is handed the main heap instead, it asks
  /// nothing). Advice only: where it is not taken, nothing changes.
  static func preferHugePagesInBothHeaps() {
    #if canImport(Glibc)
      adviseMainHeap()
      var thread = pthread_t()
      guard pthread_create(&thread, nil, adviseSecondHeapOnThread, nil) == 0 else { return }
      pthread_detach(thread)
    #endif
  }

  #if canImport(Glibc)
    private static let adviseSecondHeapOnThread:
      @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = { _ in
        adviseSecondHeap()
        return nil
      }

    /// The heap of the calling thread, when it is not the main one, asked for 2 MiB pages.
    private static func adviseSecondHeap() {
      let heapSize = 64 << 20
      let probe = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 16)
      defer { probe.deallocate() }
      // Not the main heap, which ends at the program's break: the others are mapped above.
      guard let brk = sbrk(0), UInt(bitPattern: probe) > UInt(bitPattern: brk) else { return }
      let base = UInt(bitPattern: probe) & ~UInt(heapSize - 1)
      guard let start = UnsafeMutableRawPointer(bitPattern: base) else { return }
      if madvise(start, heapSize, MADV_HUGEPAGE) == 0 { PhaseTrace.mark("heap: second advised") }
    }

    /// The main heap (the program's break) grown by its pad and asked for 2 MiB pages: what
    /// is never touched is never backed.
    ///
    /// With `reservingUnadvisedStart`, for a process that exits without giving memory
    /// back (`show`), the heap's free space below the first 2 MiB boundary, which cannot
    /// take the advice, is allocated and never used, so that what is allocated next starts
    /// at that boundary: up to 2 MiB of a book's first buffers came 4 KiB at a time from
    /// there, about 500 page faults a run on `show`'s main thread.
    private static func adviseMainHeap(reservingUnadvisedStart: Bool = false) {
      let huge = UInt(2 << 20)
      guard let before = sbrk(0) else { return }
      // Through the runtime's allocator: a `malloc` and `free` pair the optimiser can see
      // is taken out. Taken from the top of the heap, which it grows: where it starts is
      // where the heap's free space starts once it is freed.
      let probe = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 16)
      let freeStart = UInt(bitPattern: probe)
      probe.deallocate()
      guard let after = sbrk(0) else { return }
      let first = (UInt(bitPattern: before) + huge - 1) & ~(huge - 1)
      let end = UInt(bitPattern: after) & ~(huge - 1)
      guard end > first, let start = UnsafeMutableRawPointer(bitPattern: first) else { return }
      _ = madvise(start, Int(end - first), MADV_HUGEPAGE)
      // Below 64 KiB the gap is not worth a block (and the allocator's own bins serve it).
      let header = UInt(64)
      guard reservingUnadvisedStart, freeStart < first, first - freeStart > 64 << 10 else {
        return
      }
      let gap = UnsafeMutableRawPointer.allocate(
        byteCount: Int(first - freeStart - header), alignment: 16)
      // Kept only where it lies where the free space was; anything else goes back.
      if UInt(bitPattern: gap) != freeStart { gap.deallocate() }
    }
  #endif
}
