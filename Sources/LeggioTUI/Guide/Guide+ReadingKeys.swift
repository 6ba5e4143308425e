extension Guide {
  static let readingKeys = """
    The reader shows one page at a time, like a book. The keys are the ones less, vim \
    and newsboat taught you.

    ## Turning pages

    - **Space**, **PgDn**, **l**, **→** or **j**: the next page
    - **b**, **PgUp**, **h**, **←** or **k**: the previous page
    - **g** and **G**: the first and the last page
    - a number then **G**: that page (`12G`)
    - the mouse wheel turns pages too

    ## Searching

    Press **/**, type a few words and **Enter**. Case and accents do not matter: \
    `perche` finds *perché*. **n** and **N** go to the next and previous match.

    ## Links

    **Enter** lists the article's links; a number then **Enter** shows that link's \
    address. In the list, **s** saves the linked page in your library (fetched while \
    you read on; kept pending when offline) and **o** opens it in your browser.

    ## Pictures

    **i** shows the picture on the page (or the next one after it) alone on the \
    screen, as large as it fits; there **i** or **Space** shows the next, **p** the one \
    before, **o** opens it in your image viewer and **q** comes back to the page. **I** \
    in the reader opens it in the viewer straight away (`$LEGGIO_IMAGE_VIEWER`, else \
    `xdg-open`); Leggio does not wait for the viewer.

    ## Stars and pending pages

    **f** stars or unstars an article, in the list or the reader; **\\*** shows only \
    the starred ones. Articles imported with only their address (`leggio import`) wait \
    with `wait` in the list: **P** fetches their pages in the background.

    ## Feeds

    **F** in the list opens your feeds (subscribe with `leggio feeds add URL`), with \
    their unread items and the last error of each. **u** there updates them all while \
    you go on reading; **Enter** shows a feed's items in the list, **Esc** shows \
    everything again.

    ## Leaving

    **q** or **Esc** goes back to the list. Leggio remembers the page you were on, at \
    any window size, and brings you back to it next time.
    """
}
