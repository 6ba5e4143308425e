import Foundation

extension Configuration {
  /// The user's configuration file read and checked; a missing file gives the defaults
  /// and no problem.
  public static func load(environment: [String: String]) -> (
    configuration: Configuration, problems: [ConfigurationError]
  ) {
    load(file: ConfigurationLocation.configFile(environment: environment))
  }

  public static func load(file url: URL) -> (
    configuration: Configuration, problems: [ConfigurationError]
  ) {
    guard FileManager.default.fileExists(atPath: url.path) else { return (.defaults, []) }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return (.defaults, [.unreadable(file: url.path, reason: "permission denied or not a file")])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      return (.defaults, [.unreadable(file: url.path, reason: "it is not UTF-8 text")])
    }
    return ConfigurationParser.parse(text, file: url.path)
  }
}
