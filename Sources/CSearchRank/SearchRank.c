#include "CSearchRank.h"
#include "Fts5Api.h"

#include <math.h>
#include <sqlite3.h>

/// What `leggio_rank` computes once per query (FTS5 keeps it with the query's cursor,
/// `xSetAuxdata`): each phrase's idf and rate of occurrence, the table's mean row length.
typedef struct RankQuery {
  int phrases;
  double averageLength;
  /// `phrases` idfs, then `phrases` rates a token.
  double values[];
} RankQuery;

/// bm25's parameters, as FTS5's own `bm25` sets them.
static const double k1 = 1.2;
static const double b = 0.75;

static int countRow(const Fts5ExtensionApi *api, Fts5Context *fts, void *rows) {
  (void)api;
  (void)fts;
  (*(sqlite3_int64 *)rows)++;
  return SQLITE_OK;
}

/// The query's `RankQuery`, made on the first row: each phrase's rows are counted with
/// `xQueryPhrase` (which walks the phrase's list of rows without reading any text).
static int rankQuery(const Fts5ExtensionApi *api, Fts5Context *fts, RankQuery **out) {
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
  if (rc == SQLITE_OK) rc = api->xSetAuxdata(fts, query, sqlite3_free);
  if (rc != SQLITE_OK) {
    // xSetAuxdata frees what it is given when it fails.
    return rc;
  }
  *out = query;
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
  int rc = rankQuery(api, fts, &query);
  int rowLength = 0;
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &rowLength);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(context, rc);
    return;
  }
  double lengthNorm = k1 * (1.0 - b + b * (double)rowLength / query->averageLength);
  double score = 0.0;
  for (int i = 0; i < query->phrases && rc == SQLITE_OK; i++) {
    Fts5PhraseIter iterator;
    int column = -1;
    double frequency = 0.0;
    for (rc = api->xPhraseFirstColumn(fts, i, &iterator, &column); rc == SQLITE_OK && column >= 0;
         api->xPhraseNextColumn(fts, &iterator, &column))
    {
      int length = 0;
      rc = api->xColumnSize(fts, column, &length);
      double weight = column < argc ? sqlite3_value_double(argv[column]) : 1.0;
      frequency += weight * expectedCount(query->values[query->phrases + i], length);
    }
    score += query->values[i] * frequency * (k1 + 1.0) / (frequency + lengthNorm);
  }
  if (rc == SQLITE_OK) {
    sqlite3_result_double(context, -score);
  } else {
    sqlite3_result_error_code(context, rc);
  }
}

int leggio_search_rank_register(void *db) {
  fts5_api *fts5 = leggio_fts5_api((sqlite3 *)db);
  if (!fts5) return SQLITE_ERROR;
  return fts5->xCreateFunction(fts5, "leggio_rank", 0, leggioRank, 0);
}
