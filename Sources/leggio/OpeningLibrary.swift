import Dispatch
import LeggioModel
import LeggioStore

/// The library opened on another thread while the command reads its first input: a new
/// library's schema is about 30 ms of CPU and some syncs, and reading a book leaves one
/// core idle between its chapters' passes. `library()` waits for it; an opening that
/// failed throws there, as `options.open()` would have.
final class OpeningLibrary: @unchecked Sendable {
  private let group = DispatchGroup()
  /// Written once, on the opening thread, before `group` is left; read after waiting.
  private var result: Result<Library, any Error>?

  init(_ open: @escaping @Sendable () throws -> Library) {
    DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in
      PhaseTrace.mark("library: opening")
      result = Result { try open() }
      PhaseTrace.mark("library: opened")
    }
  }

  func library() throws -> Library {
    group.wait()
    return try result!.get()
  }
}
