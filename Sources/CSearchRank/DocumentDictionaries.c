#include "DocumentDictionaries.h"

#include "CDeflate.h"

#include <sqlite3.h>

int leggio_learn_document_dictionaries(void *db) {
  if (!db) return -1;
  sqlite3_stmt *statement = 0;
  if (sqlite3_prepare_v2((sqlite3 *)db, "SELECT bytes FROM document_dictionary", -1, &statement,
                         0) != SQLITE_OK) {
    sqlite3_finalize(statement);
    return -1;
  }
  int count = 0;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    const void *bytes = sqlite3_column_blob(statement, 0);
    int size = sqlite3_column_bytes(statement, 0);
    if (bytes && size > 0 && leggio_zstd_learn_dictionary(bytes, (size_t)size) != 0) count++;
  }
  sqlite3_finalize(statement);
  return count;
}
