import Foundation

/// The progress bar, advanced from concurrent tasks (feed updates, page fetches).
final class SharedProgressBar: @unchecked Sendable {
  private let lock = NSLock()
  private var bar: ProgressBar

  init(total: Int) { bar = ProgressBar(total: total, threshold: 2) }

  func advance() { lock.withLock { bar.advance() } }
  func print(_ line: String) { lock.withLock { bar.print(line) } }
  func error(_ error: any Error) { lock.withLock { bar.error(error) } }
  func clear() { lock.withLock { bar.clear() } }
}

/// Runs async work from a synchronous command.
func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
  let box = ResultBox<T>()
  let semaphore = DispatchSemaphore(value: 0)
  Task {
    do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
    semaphore.signal()
  }
  semaphore.wait()
  return try box.result!.get()
}

/// Carries a result out of a Task; the semaphore orders the write before the read.
private final class ResultBox<T>: @unchecked Sendable {
  var result: Result<T, Error>?
}
