#ifndef LEGGIO_PHRASEMATCH_H
#define LEGGIO_PHRASEMATCH_H
// The search index's phrase check, an SQL function in C (issue 17).

/// Registers `leggio_phrase(match, title, byline, document, text)` on the connection `db`
/// (a `sqlite3 *`), with the FTS5 tokenizer `tokenizer` as a table's `tokenize` option
/// gives it (`unicode61 remove_diacritics 2`). 0 on success, SQLite's error code
/// otherwise (no FTS5, or no such tokenizer).
///
/// `leggio_phrase` is 1 when every phrase of several words in `match` (an FTS5 query of
/// quoted phrases, the last perhaps followed by `*`) occurs in one of the three columns
/// as an index with positions would find it, 0 otherwise. `document` and `text` are an
/// article version's columns: a BLOB document is a 4-byte little-endian length and a
/// zlib stream or a zstd frame (made with the library's dictionary) whose payload is byte 1,
/// the text's 4-byte little-endian length and the text (then JSON, never inflated); any
/// other document leaves the text in `text`. A zstd frame is decompressed whole; one that
/// cannot be read (no libzstd, a dictionary the library lacks) is an SQL error.
///
/// A document of up to 1 MB (a feed item's is about 3.5 KB) is inflated whole by
/// libdeflate (CDeflate), which checks it as `StoredDocument` does; a larger one (a book)
/// by zlib a chunk at a time, read as it comes and no further than every phrase found
/// (its end is then not checked). A document that does not inflate leaves the text to
/// `text`, as `leggio_text` does. Words are cut and folded as the tokenizer does:
/// for `unicode61` (whose rules hold for one character at a time), what it does with
/// each character is asked of the tokenizer itself the first time a block of 256 code
/// points is met, and kept for the connection; any other tokenizer is run on the whole
/// text. Single words are not checked (the index found them).
int leggio_phrase_register(void *db, const char *tokenizer);

#endif
