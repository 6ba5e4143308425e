import Foundation

/// `swift run -c release leggio-bench [GROUP...]` prints the figures the issues name.
/// Groups: library, layout, tui, web, feeds, epub, imports, sync, markdown, pictures (all
/// when none is named), show (`leggio show` against `fmt` only, see `ShowSpeedBench`), and scale (only when named; `scale --feeds F --items N --runs R`,
/// see `ScaleBench`; million, `million --articles N`, see `MillionBench`).
let arguments = Array(CommandLine.arguments.dropFirst())
/// The group names: the arguments that are neither options nor their values.
let flags: Set<String> = ["--keep"]
let requested = Set(
  arguments.enumerated().filter { index, argument in
    !argument.hasPrefix("--")
      && (index == 0 || !arguments[index - 1].hasPrefix("--")
        || flags.contains(arguments[index - 1]))
  }.map(\.element))
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
if requested.contains("show") { ShowSpeedBench.run() }
if requested.contains("scale") { ScaleBench.run(ScaleBench.Options(arguments)) }
if requested.contains("million") { MillionBench.run(MillionBench.Options(arguments)) }
