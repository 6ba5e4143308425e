#include "CSearchRank.h"
#include "Fts5Api.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

/// What `leggio_rank` computes once per query (FTS5 keeps it with the query's cursor,
/// `xSetAuxdata`): each phrase's idf and rate of occurrence, the table's mean row length,
/// and the query's words as the table's tokenizer folds them, one a phrase, for the
/// short columns' check.
typedef struct RankQuery {
  int phrases;
  double averageLength;
  /// The words laid end to end, `starts[i]` where phrase `i`'s begins (`phrases + 1` of
  /// them); NULL when the query's words are not one a phrase (nothing is looked for).
  char *words;
  int *starts;
  /// Whether the last word matches as a prefix (the query ends with `*`).
  int lastIsPrefix;
  /// `phrases` idfs, then `phrases` rates a token.
  double values[];
} RankQuery;

static void freeRankQuery(void *pointer) {
  RankQuery *query = (RankQuery *)pointer;
  sqlite3_free(query->words);
  sqlite3_free(query->starts);
  sqlite3_free(query);
}

/// bm25's parameters, as FTS5's own `bm25` sets them.
static const double k1 = 1.2;
static const double b = 0.75;

/// The columns whose words each row's `leggio_rank` call passes as text (all but the
/// last, the long text): title and byline.
enum { shortColumns = 2 };

static int countRow(const Fts5ExtensionApi *api, Fts5Context *fts, void *rows) {
  (void)api;
  (void)fts;
  (*(sqlite3_int64 *)rows)++;
  return SQLITE_OK;
}

/// The query's words as the tokenizer gives them, gathered by `collectWord`.
typedef struct WordList {
  char *bytes;
  int length, capacity;
  int *starts;
  int count, startCapacity;
} WordList;

static int collectWord(void *context, int flags, const char *token, int size, int start, int end) {
  (void)start;
  (void)end;
  WordList *list = (WordList *)context;
  // A colocated token (a synonym) is not another word of the query.
  if (flags & FTS5_TOKEN_COLOCATED) return SQLITE_OK;
  if (list->length + size > list->capacity) {
    int capacity = (list->capacity + size) * 2 + 64;
    char *bytes = sqlite3_realloc(list->bytes, capacity);
    if (!bytes) return SQLITE_NOMEM;
    list->bytes = bytes;
    list->capacity = capacity;
  }
  if (list->count + 2 > list->startCapacity) {
    int capacity = list->startCapacity * 2 + 8;
    int *starts = sqlite3_realloc(list->starts, capacity * (int)sizeof(int));
    if (!starts) return SQLITE_NOMEM;
    list->starts = starts;
    list->startCapacity = capacity;
  }
  list->starts[list->count++] = list->length;
  memcpy(list->bytes + list->length, token, (size_t)size);
  list->length += size;
  return SQLITE_OK;
}

/// The query's `RankQuery`, made on the first row: each phrase's rows are counted with
/// `xQueryPhrase` (which walks the phrase's list of rows without reading any text), and
/// the query's text (`argument`) is cut into words by the table's tokenizer.
static int rankQuery(
  const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_value *argument, RankQuery **out)
{
  RankQuery *query = (RankQuery *)api->xGetAuxdata(fts, 0);
  if (query) {
    *out = query;
    return SQLITE_OK;
  }
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  int phrases = api->xPhraseCount(fts);
  query = sqlite3_malloc64(sizeof(RankQuery) + sizeof(double) * 2 * (sqlite3_uint64)phrases);
  if (!query) return SQLITE_NOMEM;
  memset(query, 0, sizeof(RankQuery));
  query->phrases = phrases;
  query->averageLength = rows > 0 && tokens > 0 ? (double)tokens / (double)rows : 1.0;
  for (int i = 0; i < phrases && rc == SQLITE_OK; i++) {
    sqlite3_int64 hits = 0;
    rc = api->xQueryPhrase(fts, i, &hits, countRow);
    // bm25's idf, kept above zero as FTS5 keeps it for words in most rows.
    double idf = log(((double)rows - (double)hits + 0.5) / ((double)hits + 0.5));
    query->values[i] = idf <= 0.0 ? 1e-6 : idf;
    double share = ((double)hits + 0.5) / ((double)rows + 1.0);
    query->values[phrases + i] = -log(1.0 - share) / query->averageLength;
  }
  const char *text = argument ? (const char *)sqlite3_value_text(argument) : 0;
  if (rc == SQLITE_OK && text) {
    int length = sqlite3_value_bytes(argument);
    WordList list = {0};
    rc = api->xTokenize(fts, text, length, &list, collectWord);
    if (rc == SQLITE_OK && list.count == phrases && phrases > 0) {
      list.starts[list.count] = list.length;
      query->words = list.bytes;
      query->starts = list.starts;
      int last = length;
      while (last > 0 && text[last - 1] == ' ') last--;
      query->lastIsPrefix = last > 0 && text[last - 1] == '*';
    } else {
      sqlite3_free(list.bytes);
      sqlite3_free(list.starts);
    }
  }
  if (rc == SQLITE_OK) rc = api->xSetAuxdata(fts, query, freeRankQuery);
  else freeRankQuery(query);
  // xSetAuxdata frees what it is given when it fails.
  if (rc != SQLITE_OK) return rc;
  *out = query;
  return SQLITE_OK;
}

/// Which of the query's words a short column holds, found by `markWord` as the
/// tokenizer reads the column: bit `i` for phrase `i` (the first 64).
typedef struct ColumnWords {
  const RankQuery *query;
  sqlite3_uint64 found;
} ColumnWords;

static int markWord(void *context, int flags, const char *token, int size, int start, int end) {
  (void)flags;
  (void)start;
  (void)end;
  ColumnWords *column = (ColumnWords *)context;
  const RankQuery *query = column->query;
  int phrases = query->phrases < 64 ? query->phrases : 64;
  for (int i = 0; i < phrases; i++) {
    int wordLength = query->starts[i + 1] - query->starts[i];
    const char *word = query->words + query->starts[i];
    int prefix = query->lastIsPrefix && i == query->phrases - 1;
    if ((size == wordLength || (prefix && size > wordLength))
        && memcmp(token, word, (size_t)wordLength) == 0)
    {
      column->found |= (sqlite3_uint64)1 << i;
    }
  }
  return SQLITE_OK;
}

/// How often a column of `length` tokens holding a phrase with `rate` occurrences a token
/// can be expected to hold it (see `CSearchRank.h`).
static double expectedCount(double rate, int length) {
  double mean = rate * (double)length;
  return mean < 1e-9 ? 1.0 : mean / (1.0 - exp(-mean));
}

static void leggioRank(
  const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int argc,
  sqlite3_value **argv)
{
  RankQuery *query = 0;
  int columns = api->xColumnCount(fts);
  int rc = rankQuery(api, fts, argc > columns ? argv[columns] : 0, &query);
  int rowLength = 0;
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &rowLength);
  // The text is the last column; the short ones before it (at most `shortColumns`) are
  // given as text after the query, and which of the query's words each holds is found.
  int textColumn = columns - 1;
  int shorts = textColumn < shortColumns ? textColumn : shortColumns;
  int textLength = 0, lengths[shortColumns] = {0};
  sqlite3_uint64 found[shortColumns] = {0};
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, textColumn, &textLength);
  for (int c = 0; c < shorts && rc == SQLITE_OK; c++) {
    rc = api->xColumnSize(fts, c, &lengths[c]);
    sqlite3_value *value = argc > columns + 1 + c ? argv[columns + 1 + c] : 0;
    const char *text = value ? (const char *)sqlite3_value_text(value) : 0;
    if (rc != SQLITE_OK || !query->words || !text || lengths[c] == 0) continue;
    ColumnWords column = {query, 0};
    rc = api->xTokenize(fts, text, sqlite3_value_bytes(value), &column, markWord);
    found[c] = column.found;
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(context, rc);
    return;
  }
  double lengthNorm = k1 * (1.0 - b + b * (double)rowLength / query->averageLength);
  double score = 0.0;
  double textWeight = textColumn < argc ? sqlite3_value_double(argv[textColumn]) : 1.0;
  for (int i = 0; i < query->phrases; i++) {
    double rate = query->values[query->phrases + i];
    // The index tells no column: the text is taken to hold every word of the query.
    double frequency = textWeight * expectedCount(rate, textLength);
    for (int c = 0; c < shorts && i < 64; c++) {
      if (!(found[c] & ((sqlite3_uint64)1 << i))) continue;
      double weight = c < argc ? sqlite3_value_double(argv[c]) : 1.0;
      frequency += weight * expectedCount(rate, lengths[c]);
    }
    score += query->values[i] * frequency * (k1 + 1.0) / (frequency + lengthNorm);
  }
  sqlite3_result_double(context, -score);
}

int leggio_search_rank_register(void *db) {
  fts5_api *fts5 = leggio_fts5_api((sqlite3 *)db);
  if (!fts5) return SQLITE_ERROR;
  return fts5->xCreateFunction(fts5, "leggio_rank", 0, leggioRank, 0);
}
