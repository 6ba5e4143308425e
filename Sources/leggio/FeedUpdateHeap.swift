import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// glibc's allocator as `leggio feeds update` uses it. The update's parser, builders and
/// writer allocate side by side on about nine threads, and each frees what another made.
/// Kept to two heaps (`HeapTuning.growInLargeSteps`), they waited on each other's heap
/// locks: ten feeds of 10,000 items made 25,000–225,000 context switches, nine in ten of
/// them a thread put to sleep on a heap lock, and spent a tenth of their CPU in the
/// kernel's futex calls and wake-ups (which of the threads shared a heap changed from run
/// to run, and so did the update's CPU: 10.6–14.1 s). Here each thread gets a heap of its
/// own (glibc's default, up to eight per core). Each heap grows 2 MiB at a time instead of
/// the 64 MiB pad, which every heap would keep resident, and the pages freed in every heap
/// are given back to the system once a feed of ordinary size is stored
/// (`giveBackFreedPages`), so the peak stays where it was with two heaps or below. (Given
/// back after every group of 2,000 articles, ten feeds of 10,000 peaked 20 MB lower again,
/// but refaulted 90,000 pages more, about 0.5 s of CPU.) A large feed's are kept: the
/// next large feed's parser and builders take them again at once, and given back after
/// each of ten feeds of 10,000 items they were refaulted, 55,000 page faults of the
/// update's 140,000, for 10–20 MB less at the peak (141–157 MB against 148–173, newsboat's
/// 229–242). After feeds of 1,000 items they are few, and keeping them raised the peak from
/// 61–64 to 69–70 MB.
enum FeedUpdateHeap {
  /// Call before the update starts any thread.
  static func prepare() {
    #if canImport(Glibc)
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      let topPad: Int32 = -2  // M_TOP_PAD in malloc.h
      _ = unsafeBitCast(symbol, to: Mallopt.self)(topPad, 2 << 20)
    #endif
  }

  /// Hands the free pages of every heap back to the system (`malloc_trim`) once a feed
  /// that stored `newItems` is done, unless it was a large one (`largeFeedItems`): freed
  /// chunks stay resident otherwise, each heap holding its own.
  static func giveBackFreedPages(afterFeedOf newItems: Int) {
    #if canImport(Glibc)
      guard newItems < largeFeedItems else { return }
      _ = trim?(0)
    #endif
  }

  /// How many new items make a feed large, its freed pages kept for the next.
  static let largeFeedItems = 5000

  #if canImport(Glibc)
    private typealias Trim = @convention(c) (Int) -> Int32
    /// `malloc_trim`, looked up once by name: it is not in Swift's Glibc module.
    private static let trim: Trim? = dlsym(
      UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim"
    ).map { unsafeBitCast($0, to: Trim.self) }
  #endif
}
