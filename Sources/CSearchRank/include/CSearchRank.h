#ifndef LEGGIO_CSEARCHRANK_H
#define LEGGIO_CSEARCHRANK_H
// The search index's ranking function, an FTS5 auxiliary function in C (issue 17), and
// its phrase check (PhraseMatch.h).
#include "PhraseMatch.h"
#include "DocumentDictionaries.h"

/// Registers `leggio_rank(article_fts, weight..., query, title, byline)` on the connection
/// `db` (a `sqlite3 *`), through the `fts5_api` the connection gives for `SELECT fts5(?1)`.
/// 0 on success, SQLite's error code otherwise (an SQLite without FTS5, or an FTS5 older
/// than 3.11).
///
/// `leggio_rank` scores a row as FTS5's `bm25` does, lower is better, with a column's
/// weight given per column in the order of the table's columns, but asks the index only
/// what an index that keeps neither positions nor columns (`detail=none`) answers from
/// its own pages: how long each column of the row is, how many rows hold each phrase,
/// and the table's size. `bm25` counts each phrase's occurrences, which on such an index
/// means reading and tokenizing the row's text again (for an index with external
/// content, one lookup and one decompression per matching row). Which of the short
/// columns (title and byline) hold a word is found by cutting the two texts the call
/// passes, a few words each, with the table's tokenizer, and comparing them with the
/// words of `query` (the MATCH text: one word a phrase, the last perhaps a prefix); the
/// long text is taken to hold every word of the query.
///
/// A column that holds a phrase is taken to hold it as often as a column of its length
/// can be expected to when it holds it at all: a phrase found in a share `p` of the rows
/// occurs at a rate `r = -ln(1 - p) / L` a token (rows of `L` tokens on average, as if
/// occurrences were independent), so a column of `n` tokens that holds it holds it
/// `r n / (1 - e^(-r n))` times on average: once in a short column or for a rare word,
/// about `r n` for a common word in a long one. So a long text (a book) that holds a
/// word is not ranked below every short one as it would be if it counted once.
int leggio_search_rank_register(void *db);

#endif
