import Foundation

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
      let huge = UInt(2 << 20)
      guard let before = sbrk(0) else { return }
      // Through the runtime's allocator: a `malloc` and `free` pair the optimiser can see
      // is taken out.
      UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 16).deallocate()
      guard let after = sbrk(0) else { return }
      let first = (UInt(bitPattern: before) + huge - 1) & ~(huge - 1)
      let end = UInt(bitPattern: after) & ~(huge - 1)
      guard end > first, let start = UnsafeMutableRawPointer(bitPattern: first) else { return }
      _ = madvise(start, Int(end - first), MADV_HUGEPAGE)
    #endif
  }
}
