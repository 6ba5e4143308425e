/// The priority at which tests run their 127.0.0.1 servers inside the test process.
///
/// Swift's cooperative pool keeps a few threads for each priority (here, one per core).
/// Tests run at medium priority, and many of them hold their thread while they wait: a
/// `leggio` process to exit, a tmux screen to change, a long book to be laid out. When
/// every medium thread waits like that — sometimes for the very `leggio` process that is
/// fetching from the server — a server at the same priority cannot answer and the fetch
/// times out. At high priority the server's tasks run on threads of their own.
extension TaskPriority {
  public static let testServer = TaskPriority.high
}
