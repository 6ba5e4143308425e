import ArgumentParser
import Foundation
import LeggioStore

/// `leggio check`: the library's full integrity check, one line per problem.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the whole library for damage (SQLite's integrity check and Leggio's own).")

  @OptionGroup var options: LibraryOptions

  func run() throws {
    try reportingErrors {
      let problems = try Library.checkFile(path: options.path)
      guard problems.isEmpty else {
        for problem in problems { Console.error(problem) }
        Console.error(
          "\(problems.count) problem\(problems.count == 1 ? "" : "s") found; "
            + "`leggio recover` saves what can be read")
        throw ExitCode.failure
      }
      Console.out("the library is sound")
    }
  }
}

/// `leggio recover`: saves what can be read from a damaged library.
struct RecoverCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recover",
    abstract: "Save what can be read from a damaged library (the damaged file is kept aside).")

  @OptionGroup var options: LibraryOptions

  func run() throws {
    try reportingErrors {
      let report = try Library.recover(path: options.path)
      Console.out(
        "recovered \(report.articles) article\(report.articles == 1 ? "" : "s") and "
          + "\(report.annotations) annotation\(report.annotations == 1 ? "" : "s"); "
          + "the damaged file is kept as \(report.damagedCopy)"
          + (report.unplacedRows > 0
            ? "; \(report.unplacedRows) rows that could not be placed are in its table lost_and_found"
            : "")
          + (report.refusedRows > 0
            ? "; \(report.refusedRows) rows were too damaged to keep" : ""))
    }
  }
}
