#include "Fts5Api.h"

fts5_api *leggio_fts5_api(sqlite3 *db) {
  fts5_api *fts5 = 0;
  sqlite3_stmt *statement = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, 0) != SQLITE_OK) return 0;
  sqlite3_bind_pointer(statement, 1, (void *)&fts5, "fts5_api_ptr", 0);
  sqlite3_step(statement);
  if (sqlite3_finalize(statement) != SQLITE_OK) return 0;
  return fts5 && fts5->iVersion >= 2 ? fts5 : 0;
}
