import Foundation

/// Every theme Leggio can show: the built-in ones, then the user's
/// (`$XDG_CONFIG_HOME/leggio/themes/*.toml`), which replace built-in themes of the same
/// name and add new ones. A file that cannot be used is left out and reported in
/// `problems`; choosing its theme gives the default theme.
public struct ThemeCatalog: Sendable {
  /// Where a theme comes from.
  public enum Origin: Hashable, Sendable {
    case builtIn
    /// A user theme, with the path of its file.
    case user(path: String)
  }

  public struct Entry: Hashable, Sendable {
    public let theme: Theme
    public let origin: Origin
  }

  /// A theme chosen by name, and every problem to show the user (files that failed to
  /// load, a name that matches no theme).
  public struct Selection: Sendable {
    public let theme: Theme
    public let problems: [ThemeError]
  }

  /// The usable themes: `default` first, then the others by name.
  public private(set) var entries: [Entry] = []
  /// The files that could not be used, one problem each, in file order.
  public private(set) var problems: [ThemeError] = []
  /// Names whose file is broken: choosing one gives the default theme.
  private var brokenNames: Set<String> = []

  /// The built-in themes alone.
  public static let builtIn = ThemeCatalog(userFiles: [])

  /// The built-in themes and those in `directory` (nil or missing: none).
  public static func load(userDirectory directory: URL?) -> ThemeCatalog {
    ThemeCatalog(userFiles: directory.map(ThemeCatalog.readThemeFiles) ?? [])
  }

  /// - Parameter userFiles: each user theme file's path (as messages show it) and
  ///   contents, nil when it could not be read as UTF-8 text.
  public init(userFiles: [(path: String, text: String?)]) {
    var builtIns: [String: ThemeDefinition] = [:]
    for file in EmbeddedThemes.files {
      let stem = String(file.name.dropLast(".toml".count))
      if let definition = record(
        { () throws(ThemeError) in
          try ThemeParser.parse(file.text, file: "Themes/" + file.name, defaultName: stem)
        }, name: stem)
      {
        builtIns[definition.name] = definition
      }
    }
    var users: [String: ThemeDefinition] = [:]
    var paths: [String: String] = [:]
    for file in userFiles {
      let stem = URL(fileURLWithPath: file.path).deletingPathExtension().lastPathComponent
      guard let text = file.text else {
        record(.unreadable(file: file.path, reason: "it is not UTF-8 text"), name: stem)
        continue
      }
      guard
        let definition = record(
          { () throws(ThemeError) in
            try ThemeParser.parse(text, file: file.path, defaultName: stem)
          }, name: stem)
      else { continue }
      if let earlier = paths[definition.name] {
        record(
          .invalid(
            file: file.path, line: definition.nameLine, key: "name",
            problem: "\(earlier) already defines a theme named \"\(definition.name)\""),
          name: nil)
        continue
      }
      users[definition.name] = definition
      paths[definition.name] = file.path
    }
    func base(_ name: String, of child: ThemeDefinition) -> ThemeDefinition? {
      if builtIns[child.name]?.file == child.file { return builtIns[name] }
      return name == child.name ? builtIns[name] : users[name] ?? builtIns[name]
    }
    func rank(_ name: String) -> Int { name == "default" ? 0 : 1 }
    var built: [String: Entry] = [:]
    for definition in builtIns.values {
      if let theme = record(
        { () throws(ThemeError) in try Theme.build(definition, base: base) }, name: definition.name)
      {
        built[theme.name] = Entry(theme: theme, origin: .builtIn)
      }
    }
    for definition in users.values.sorted(by: { $0.file < $1.file }) {
      if let theme = record(
        { () throws(ThemeError) in try Theme.build(definition, base: base) }, name: definition.name)
      {
        built[theme.name] = Entry(theme: theme, origin: .user(path: definition.file))
      }
    }
    // A broken theme is left out, and so is the built-in theme it meant to replace;
    // except the built-in default, which is what a broken theme gives.
    let brokenNames = self.brokenNames
    entries = built.values.filter {
      !brokenNames.contains($0.theme.name) || ($0.theme.name == "default" && $0.origin == .builtIn)
    }
    .sorted { (rank($0.theme.name), $0.theme.name) < (rank($1.theme.name), $1.theme.name) }
    problems.sort { ($0.file ?? "", $0.line ?? 0) < ($1.file ?? "", $1.line ?? 0) }
  }

  public var names: [String] { entries.map(\.theme.name) }

  /// The `default` theme, or the plain terminal look if even that failed.
  public var defaultTheme: Theme { theme(named: "default") ?? .fallback }

  /// The theme of this name (or, failing that, of this name in other capitals), nil
  /// when there is none or its file is broken.
  public func theme(named name: String) -> Theme? {
    entry(named: name)?.theme
  }

  public func origin(of name: String) -> Origin? {
    entry(named: name)?.origin
  }

  private func entry(named name: String) -> Entry? {
    entries.first { $0.theme.name == name }
      ?? entries.first { $0.theme.name.lowercased() == name.lowercased() }
  }

  /// The theme to use for a name from `--theme` or the configuration (nil: the default).
  public func select(_ name: String?) -> Selection {
    guard let name else { return Selection(theme: defaultTheme, problems: problems) }
    if let theme = theme(named: name) { return Selection(theme: theme, problems: problems) }
    if brokenNames.contains(name) { return Selection(theme: defaultTheme, problems: problems) }
    return Selection(
      theme: defaultTheme, problems: problems + [.unknownTheme(name: name, available: names)])
  }

  /// The theme after `name` in `entries`, wrapping round: what `t` switches to.
  public func theme(after name: String) -> Theme {
    guard let index = entries.firstIndex(where: { $0.theme.name == entry(named: name)?.theme.name })
    else {
      return defaultTheme
    }
    return entries[(index + 1) % entries.count].theme
  }

  @discardableResult
  private mutating func record<T>(_ work: () throws(ThemeError) -> T, name: String?) -> T? {
    do {
      return try work()
    } catch {
      record(error, name: name)
      return nil
    }
  }

  private mutating func record(_ error: ThemeError, name: String?) {
    // A theme inheriting from a broken one fails with the same problem: report it once.
    if !problems.contains(error) { problems.append(error) }
    if let name { brokenNames.insert(name) }
  }

  /// The `*.toml` files of a directory, by name; a missing directory has none.
  static func readThemeFiles(in directory: URL) -> [(path: String, text: String?)] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".toml") }.sorted().map { name in
      let url = directory.appendingPathComponent(name)
      let text = (try? Data(contentsOf: url)).flatMap { String(data: $0, encoding: .utf8) }
      return (url.path, text)
    }
  }
}

extension ThemeCatalog {
  /// The TOML text of a theme: the user's file, or the built-in one; nil when there is
  /// no theme of that name. `leggio themes --source NAME` prints it to start a theme from.
  public func source(of name: String) -> String? {
    switch origin(of: name) {
    case .user(let path): return try? String(contentsOfFile: path, encoding: .utf8)
    case .builtIn: return EmbeddedThemes.files.first { $0.name == name + ".toml" }?.text
    case nil: return nil
    }
  }
}

extension ThemeCatalog {
  /// The built-in themes and the user's, from `themes/` in the configuration directory.
  public static func load(environment: [String: String]) -> ThemeCatalog {
    load(userDirectory: ConfigurationLocation.themesDirectory(environment: environment))
  }
}
