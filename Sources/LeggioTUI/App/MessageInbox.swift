import Foundation

/// Messages posted from other threads (a feeds update running in the background) for
/// the application to take in on its own thread, on the terminal loop's next turn.
public final class MessageInbox: @unchecked Sendable {
  private let lock = NSLock()
  private var messages: [Message] = []

  public init() {}

  /// Queues `message`; safe from any thread.
  public func post(_ message: Message) {
    lock.lock()
    defer { lock.unlock() }
    messages.append(message)
  }

  /// Takes every queued message, oldest first.
  public func drain() -> [Message] {
    lock.lock()
    defer { lock.unlock() }
    let taken = messages
    messages = []
    return taken
  }
}
