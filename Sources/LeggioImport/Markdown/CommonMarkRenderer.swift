import CCmarkGFM
import Foundation

/// Markdown to HTML with cmark-gfm, the reference CommonMark implementation, with the GFM
/// extensions people write every day: tables, strikethrough, autolinks, task lists and
/// footnotes. Raw HTML is kept (`UNSAFE`): it is the HTML converter's job to sanitise it,
/// as it does for web pages, so scripts and styles never reach a document.
package enum CommonMarkRenderer {
  static let extensions = ["table", "strikethrough", "autolink", "tasklist"]

  /// cmark-gfm registers its extensions in a global table without a lock; a static
  /// initialiser runs once, whatever the number of threads importing.
  private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

  package static func html(_ markdown: String) -> String {
    _ = registered
    let options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
    guard let parser = cmark_parser_new(options) else { return "" }
    defer { cmark_parser_free(parser) }
    for name in extensions {
      if let syntax = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, syntax)
      }
    }
    var text = markdown
    text.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) {
        cmark_parser_feed(parser, $0.baseAddress, $0.count)
      }
    }
    guard let root = cmark_parser_finish(parser) else { return "" }
    defer { cmark_node_free(root) }
    guard let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser))
    else { return "" }
    defer { free(html) }
    return String(cString: html)
  }
}
