#ifndef LEGGIO_CSQLITECLOSE_H
#define LEGGIO_CSQLITECLOSE_H
// SQLite's sqlite3_db_config takes variable arguments, which Swift cannot call: this one
// call, for the library's connections.

/// Sets SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE on the connection `db` (a `sqlite3 *`): closing
/// it, even as the last connection to the file, leaves the write-ahead log as it is rather
/// than folding it into the file. 0 on success, SQLite's error code otherwise.
int leggio_sqlite_no_checkpoint_on_close(void *db);

#endif
