#ifndef LEGGIO_FTS5API_H
#define LEGGIO_FTS5API_H
// The connection's FTS5 API, for the functions of this target to register themselves.
#include <sqlite3.h>

/// The `fts5_api` of `db` (what `SELECT fts5(?1)` gives), NULL without FTS5 or before
/// version 2 of the API (SQLite 3.11).
fts5_api *leggio_fts5_api(sqlite3 *db);

#endif
