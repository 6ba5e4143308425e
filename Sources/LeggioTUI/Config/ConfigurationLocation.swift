import Foundation

/// Where Leggio's configuration lives: `$XDG_CONFIG_HOME/leggio`, or `~/.config/leggio`
/// when `XDG_CONFIG_HOME` is unset, empty or not an absolute path (as the XDG Base
/// Directory specification says).
public enum ConfigurationLocation {
  public static func directory(environment: [String: String]) -> URL {
    if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") {
      return URL(fileURLWithPath: base, isDirectory: true).appendingPathComponent("leggio")
    }
    let home =
      environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? FileManager.default.homeDirectoryForCurrentUser.path
    return URL(fileURLWithPath: home, isDirectory: true)
      .appendingPathComponent(".config/leggio", isDirectory: true)
  }

  /// `config.toml` in the configuration directory.
  public static func configFile(environment: [String: String]) -> URL {
    directory(environment: environment).appendingPathComponent("config.toml")
  }

  /// The directory of user themes.
  public static func themesDirectory(environment: [String: String]) -> URL {
    directory(environment: environment).appendingPathComponent("themes", isDirectory: true)
  }
}
