import Foundation
import LeggioModel
import LeggioSync

/// Runs `leggio sync` off the interface's thread and reports each step, so the screen
/// stays responsive: the terminal loop hands the reports to `update` (progress in the
/// status line), which reloads what the sync brought when it finishes.
public final class SyncRunner: Sendable {
  public enum Report: Hashable, Sendable {
    /// A step started ("export", "fetch", "merge", "import", "push").
    case step(String)
    case finished(SyncOutcome)
    /// The sync could not be done; one line saying why.
    case failed(String)
  }

  private let engine: SyncEngine

  package init(engine: SyncEngine) {
    self.engine = engine
  }

  /// Whether `leggio sync init` has set sync up for this library.
  public var isSetUp: Bool { engine.isSetUp }

  /// Starts one sync on a thread of its own (it blocks on git and on the lock, which
  /// must not hold up Swift's shared pool); `deliver` is called from that thread, once per
  /// step and once at the end. A sync already running in another process is waited for.
  public func start(deliver: @escaping @Sendable (Report) -> Void) {
    let engine = self.engine
    Thread.detachNewThread {
      do {
        let report = try engine.sync { deliver(.step($0)) }
        deliver(.finished(SyncOutcome(report)))
      } catch {
        deliver(.failed(TerminalSafety.line(error.localizedDescription)))
      }
    }
  }
}

/// What a finished sync did, as the status line tells it.
public struct SyncOutcome: Hashable, Sendable {
  /// Mirror files this library wrote.
  public var sent: Int
  /// Records that arrived and changed the library.
  public var arrived: Int
  /// Records waiting for their article to arrive.
  public var waiting: Int
  /// Why the remote could not be reached (what could be done here was done).
  public var offline: String?

  public init(sent: Int = 0, arrived: Int = 0, waiting: Int = 0, offline: String? = nil) {
    self.sent = sent
    self.arrived = arrived
    self.waiting = waiting
    self.offline = offline
  }

  init(_ report: SyncReport) {
    self.init(
      sent: report.exported, arrived: report.imported, waiting: report.skipped.count,
      offline: report.offline.map { TerminalSafety.line($0.localizedDescription) })
  }

  /// "Synced: 3 changes arrived, 12 files sent", or why the remote was not reached.
  public var line: String {
    if let offline { return "Sync: " + offline }
    var parts = [
      arrived == 1 ? "1 change arrived" : "\(arrived) changes arrived",
      sent == 1 ? "1 file sent" : "\(sent) files sent",
    ]
    if waiting > 0 { parts.append("\(waiting) waiting for their article") }
    return "Synced: " + parts.joined(separator: ", ")
  }
}
