extension Guide {
  static let themesAndConfig = """
    Press **t** anywhere to try the next theme. Leggio ships a dark and a light theme, \
    sepia, high contrast and popular palettes; it uses true colour where the terminal \
    has it, the nearest of 256 or 16 colours otherwise, and none at all when `NO_COLOR` \
    is set.

    ## The configuration file

    `~/.config/leggio/config.toml` (or `$XDG_CONFIG_HOME/leggio/config.toml`):

    ```
    theme = "sepia"
    text-width = 66
    justify = true

    [keys]
    next-page = ["Space", "f"]
    quit = ["q", "Ctrl-C"]
    ```

    Any action can go on any key; a key or action Leggio does not know is reported when \
    it starts, not silently ignored.

    ## Your own themes

    Put `NAME.toml` files in `~/.config/leggio/themes/`. A theme maps roles (text, \
    heading, link, quote, search match, status bar, selected row...) to colours written \
    as `#rrggbb` or names. `leggio themes` lists every theme with a sample.
    """
}
