import Foundation

/// `swift run -c release leggio-bench [GROUP...]` prints the figures the issues name.
/// Groups: library, layout, tui, web, feeds, epub, imports, sync, markdown, pictures (all
/// when none is named).
let requested = Set(CommandLine.arguments.dropFirst())
func wants(_ group: String) -> Bool { requested.isEmpty || requested.contains(group) }

if wants("library") { LibraryBench.run() }
if wants("layout") { LayoutBench.run() }
if wants("tui") { TUIBench.run() }
if wants("web") { WebBench.run() }
if wants("feeds") { FeedBench.run() }
if wants("epub") { EPUBBench.run() }
if wants("imports") { ImportBench.run() }
if wants("sync") { SyncBench.run() }
if wants("markdown") { MarkdownBench.run() }
if wants("pictures") { PictureBench.run() }
