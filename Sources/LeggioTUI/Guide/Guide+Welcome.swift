extension Guide {
  static let welcome = """
    Leggio is a reading stand for your terminal: a library of articles you keep, read \
    page by page, offline, in the colours you like.

    Your library is empty, so you are reading the guide. It disappears as soon as you \
    add your first article.

    ## Adding articles

    From the shell, give Leggio a file or a web address:

    ```
    leggio add article.txt
    leggio add notes.md
    leggio add https://example.com/a-long-read
    ```

    Plain-text news articles, Markdown, web pages and feeds are understood. The same \
    article added twice becomes a new version of one article, never a duplicate.

    ## Finding your way

    In the list, **j** and **k** (or the arrows) move, **Enter** opens, **/** filters as \
    you type over titles, bylines and text, **s** changes the order, **T** picks a tag, \
    **u** shows only what you have not read, and **q** quits. **?** shows the keys of the \
    screen you are on, everywhere.
    """
}
