import LeggioModel
/// Turning theme definitions into a `Theme`: inheritance between themes, then between
/// roles, then colours looked up in the palette.
extension Theme {
  /// Builds a theme from its definition and the chain of themes it inherits from.
  ///
  /// - Parameter base: the definition a theme's `inherits` names, or nil when there is
  ///   none; called with the inheriting definition, so that a user theme can inherit from
  ///   the built-in theme of the same name.
  static func build(
    _ definition: ThemeDefinition,
    base: (_ name: String, _ of: ThemeDefinition) -> ThemeDefinition?
  ) throws(ThemeError) -> Theme {
    var chain = [definition]
    while let parent = chain.last!.inherits {
      let child = chain.last!
      let key = "inherits"
      guard let found = base(parent, child) else {
        throw .invalid(
          file: child.file, line: child.inheritsLine, key: key,
          problem: "there is no theme named \"\(TerminalSafety.line(parent, limit: 60))\" to inherit from")
      }
      if chain.contains(where: { $0.file == found.file && $0.name == found.name }) {
        throw .invalid(
          file: child.file, line: child.inheritsLine, key: key,
          problem: "themes inherit from each other in a circle: "
            + (chain.map(\.name) + [found.name]).joined(separator: " -> "))
      }
      chain.append(found)
    }
    var written: [String: ColorReference] = [:]
    var specs: [UIRole: RoleSpec] = [:]
    for layer in chain.reversed() {
      written.merge(layer.palette) { _, new in new }
      for (role, spec) in layer.roles {
        specs[role] = (specs[role] ?? RoleSpec()).overlaid(with: spec)
      }
    }
    let palette = try Theme.resolvePalette(written)
    var resolver = RoleResolver(specs: specs, palette: palette)
    let styles = try resolver.resolveAll()
    let summary = definition.summary ?? definition.inherits.map { "Based on \($0)" } ?? ""
    return Theme(name: definition.name, styles: styles, summary: summary)
  }

  /// The palette's colours, following names of other entries (`bg = "base03"`).
  static func resolvePalette(_ written: [String: ColorReference]) throws(ThemeError)
    -> [String: Color]
  {
    var palette: [String: Color] = [:]
    for (name, reference) in written {
      var current = reference
      var seen: Set<String> = [name]
      while let next = written[current.text], seen.insert(current.text).inserted {
        current = next
      }
      guard let colour = Color(parsing: current.text) else {
        throw .invalid(
          file: reference.file, line: reference.line, key: reference.key,
          problem: "\"\(TerminalSafety.line(reference.text, limit: 60))\" is neither a colour nor the name of "
            + "another palette entry (write \"#rrggbb\", 0-255, or a name such as \"red\", "
            + "\"bright-blue\", \"default\")")
      }
      palette[name] = colour
    }
    return palette
  }

  /// What a role looks like when no theme in the chain mentions it: the plain terminal
  /// look (bold headings, reversed bars and selections, underlined links) and the
  /// terminal's own colours for the five highlights.
  static let skeleton: [UIRole: RoleSpec] = {
    func colour(_ text: String) -> ColorReference {
      ColorReference(text: text, file: "built-in", key: "skeleton")
    }
    func mark(_ name: String) -> RoleSpec {
      RoleSpec(foreground: colour("black"), background: colour(name))
    }
    return [
      .title: RoleSpec(bold: true), .heading: RoleSpec(bold: true),
      .kicker: RoleSpec(bold: true), .standfirst: RoleSpec(italic: true),
      .secondary: RoleSpec(dim: true), .quote: RoleSpec(italic: true),
      .emphasis: RoleSpec(italic: true), .strong: RoleSpec(bold: true),
      .link: RoleSpec(underline: true), .searchMatch: RoleSpec(reverse: true),
      .selection: RoleSpec(reverse: true), .noteMark: RoleSpec(underline: true),
      .highlight1: mark("yellow"), .highlight2: mark("green"), .highlight3: mark("cyan"),
      .highlight4: mark("magenta"), .highlight5: mark("red"),
      .statusBar: RoleSpec(reverse: true), .selectedRow: RoleSpec(reverse: true),
      .unreadMark: RoleSpec(bold: true), .error: RoleSpec(bold: true),
    ]
  }()
}

/// Resolves every role of one theme, each at most once.
private struct RoleResolver {
  let specs: [UIRole: RoleSpec]
  let palette: [String: Color]
  var resolved: [UIRole: ResolvedStyle] = [:]

  init(specs: [UIRole: RoleSpec], palette: [String: Color]) {
    self.specs = specs
    self.palette = palette
  }

  mutating func resolveAll() throws(ThemeError) -> [UIRole: ResolvedStyle] {
    for role in UIRole.allCases { _ = try resolve(role) }
    return resolved
  }

  private mutating func resolve(_ role: UIRole) throws(ThemeError) -> ResolvedStyle {
    if let done = resolved[role] { return done }
    let base = try role.parent.map { parent throws(ThemeError) in try resolve(parent) }
    let spec = specs[role] ?? Theme.skeleton[role] ?? RoleSpec()
    let palette = self.palette
    let style = try spec.resolved(over: base ?? ResolvedStyle()) {
      reference throws(ThemeError) -> Color in
      if let named = palette[reference.text] { return named }
      if let literal = Color(parsing: reference.text) { return literal }
      throw .invalid(
        file: reference.file, line: reference.line, key: reference.key,
        problem: "\"\(TerminalSafety.line(reference.text, limit: 60))\" is neither a colour nor a name in "
          + "[palette]"
          + Suggestion.hint(for: reference.text, among: palette.keys.sorted() + Color.names)
          + "; write \"#rrggbb\", 0-255, a name such as \"red\", \"bright-blue\" or "
          + "\"default\", or a name from [palette]")
    }
    resolved[role] = style
    return style
  }
}
