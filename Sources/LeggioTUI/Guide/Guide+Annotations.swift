extension Guide {
  static let annotations = """
    Read with a pencil: mark passages, bookmark places, write notes, and find all of it \
    again in the notebook. Everything is saved in the library the moment the status line \
    says so, and it follows the text when an article is added again with a correction.

    ## Selecting a passage

    **v** starts a selection at the first word of the page, or at the match a search \
    (**/**) just showed. Then **w** and **b** extend and shrink it by a word, **)** and \
    **(** by a sentence, **}** and **{** by a paragraph; it may run over several pages. \
    **Esc** cancels.

    ## Highlights and notes

    - **h** highlights the selection; a digit **1** to **5** right after picks the colour
    - **a** writes a note in the status line (on the selection, or on the highlight just \
    made); **A** writes it in your `$EDITOR`
    - **m** bookmarks the page, with a name if you type one
    - **'** lists the article's bookmarks, highlights and notes: **Enter** goes there, \
    **a** edits the note, **1**–**5** recolours, **d** deletes and **u** brings it back

    A passage with a note carries a ✎ at the end of its line; selecting up to it shows \
    the note.

    ## The notebook

    **N** in the library (**Ctrl-N** in an article, or **N** when no search is active) \
    lists every bookmark, highlight and note, newest first, grouped by article. Type **/** \
    to find words in quotes and notes as you type, **1**–**5** to see one colour, \
    **Enter** to open the article at the passage. Passages whose text changed beyond \
    recognition are kept, marked *orphaned*, with their quote.

    ## Out and in

    `leggio export --format markdown` writes them for your notes app (`json` and `w3c` \
    too); `leggio import-annotations FILE` reads them back; `leggio annotations --json` \
    lists them for scripts.
    """
}
