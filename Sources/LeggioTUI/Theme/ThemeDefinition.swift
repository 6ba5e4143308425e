/// A theme file as written: what it sets, before inheritance fills in the rest.
///
/// The schema is documented at the top of `Themes/default.toml`.
struct ThemeDefinition: Sendable {
  var name: String
  /// The line of the `name` key, when the file has one.
  var nameLine: Int?
  var summary: String?
  /// The theme this one starts from, with the line of the `inherits` key.
  var inherits: String?
  var inheritsLine: Int?
  /// The file as messages name it.
  var file: String
  /// Named colours: literal colours, or names of other palette entries (`bg = "base03"`),
  /// resolved once the palettes of the inheritance chain are merged.
  var palette: [String: ColorReference]
  var roles: [UIRole: RoleSpec]
}
