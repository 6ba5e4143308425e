import ArgumentParser
import Foundation
import LeggioStore

/// `leggio vacuum [--empty-bin]`: compacts the library.
struct VacuumCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "vacuum",
    abstract: "Compact the library; with --empty-bin, erase the texts of removed articles.")

  @OptionGroup var options: LibraryOptions

  @Flag(
    name: .customLong("empty-bin"),
    help:
      "Erase the texts of articles in the bin (their records stay, so feeds do not bring them back)."
  )
  var emptyBin = false

  func run() throws {
    try reportingErrors {
      let report = try options.open().vacuum(emptyingBin: emptyBin)
      let megabytes = { (bytes: Int) in String(format: "%.1f MB", Double(bytes) / 1_000_000) }
      Console.out(
        (emptyBin
          ? "erased the texts of \(report.emptied) article\(report.emptied == 1 ? "" : "s") in the bin; "
          : "")
          + (report.recompressed > 0
            ? "compressed \(report.recompressed) document\(report.recompressed == 1 ? "" : "s") "
              + "again with the library's dictionary; "
            : "")
          + "the library went from \(megabytes(report.bytesBefore)) to \(megabytes(report.bytesAfter))"
      )
    }
  }
}
