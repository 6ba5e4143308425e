/// One role as a theme file writes it: every field optional, so that a theme can inherit
/// from another and roles can inherit from their parent role.
struct RoleSpec: Hashable, Sendable {
  var foreground: ColorReference?
  var background: ColorReference?
  var bold: Bool?
  var italic: Bool?
  var underline: Bool?
  var reverse: Bool?
  var dim: Bool?

  /// The attribute keys a role may set, with a setter for each.
  static let attributes: [(name: String, set: @Sendable (inout RoleSpec, Bool) -> Void)] = [
    ("bold", { $0.bold = $1 }), ("italic", { $0.italic = $1 }),
    ("underline", { $0.underline = $1 }), ("reverse", { $0.reverse = $1 }),
    ("dim", { $0.dim = $1 }),
  ]

  /// Every key a role table accepts.
  static let keys = ["fg", "bg"] + attributes.map(\.name)

  /// This spec with `other`'s fields written over it where `other` sets them.
  func overlaid(with other: RoleSpec) -> RoleSpec {
    RoleSpec(
      foreground: other.foreground ?? foreground, background: other.background ?? background,
      bold: other.bold ?? bold, italic: other.italic ?? italic,
      underline: other.underline ?? underline, reverse: other.reverse ?? reverse,
      dim: other.dim ?? dim)
  }

  /// The resolved style: this spec's fields where set, `base`'s elsewhere.
  func resolved(
    over base: ResolvedStyle, colour: (ColorReference) throws(ThemeError) -> Color
  ) throws(ThemeError) -> ResolvedStyle {
    var style = base
    if let foreground { style.foreground = try colour(foreground) }
    if let background { style.background = try colour(background) }
    style.bold = bold ?? base.bold
    style.italic = italic ?? base.italic
    style.underline = underline ?? base.underline
    style.reverse = reverse ?? base.reverse
    style.dim = dim ?? base.dim
    return style
  }
}

/// A colour as written in a theme file, remembered with where it was written so that a
/// name missing from the palette can be reported at its line.
struct ColorReference: Hashable, Sendable {
  /// `"#2e3440"`, `"208"`, `"bright-blue"` or a palette name.
  var text: String
  var file: String
  /// The dotted key, `roles.link.fg`.
  var key: String
  var line: Int?
}
