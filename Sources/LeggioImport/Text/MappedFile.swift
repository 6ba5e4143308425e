import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A long file's bytes mapped from the page cache instead of read into fresh memory: for
/// a 3.4 MB book, `read(2)` into the heap cost about 2 ms on `show`'s one thread before
/// anything else could start (the kernel copying every byte, and about 500 page faults
/// for the buffer), where the mapping's pages are faulted in by the threads that
/// decode the text, 64 KiB at a time.
///
/// For a process that reads the file once and exits (`ImportOptions.endsWithProcess`):
/// a mapped file that another program shortens while it is read would stop the process
/// with SIGBUS, where a long-lived one must carry on.
enum MappedFile {
  /// The file at `path`, `size` bytes long by `stat(2)`, mapped read-only; nil when it
  /// cannot be (then it is read as before).
  static func data(atPath path: String, size: Int) -> Data? {
    #if canImport(Glibc)
      guard size > 0 else { return nil }
      let descriptor = open(path, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else { return nil }
      defer { close(descriptor) }
      guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
        mapped != MAP_FAILED
      else { return nil }
      return Data(
        bytesNoCopy: mapped, count: size,
        deallocator: .custom { pointer, count in munmap(pointer, count) })
    #else
      return nil
    #endif
  }
}
