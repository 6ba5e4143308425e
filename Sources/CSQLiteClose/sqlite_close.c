#include "CSQLiteClose.h"

#include <sqlite3.h>

int leggio_sqlite_no_checkpoint_on_close(void *db) {
  int set = 0;
  int status = sqlite3_db_config((sqlite3 *)db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, &set);
  return status == SQLITE_OK && set == 1 ? 0 : (status == SQLITE_OK ? SQLITE_ERROR : status);
}
