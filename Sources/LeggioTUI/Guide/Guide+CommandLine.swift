extension Guide {
  static let commandLine = """
    Everything the reader does starts from the shell, and most of it also works there.

    ## Commands

    - `leggio`: open the library in the reader
    - `leggio add FILE|URL...`: add articles
    - `leggio list`: the library as text
    - `leggio show ID`: an article as plain text, laid out like the reader does
    - `leggio themes`: the themes, each with a sample

    ## Where things live

    The library is one SQLite file, `~/.local/share/leggio/library.sqlite`. Use \
    `--library PATH` or the `LEGGIO_LIBRARY` variable to keep another one. `--theme NAME` \
    picks a theme for one run.

    ## Help

    `leggio --help` and `leggio help COMMAND` describe every option.
    """
}
