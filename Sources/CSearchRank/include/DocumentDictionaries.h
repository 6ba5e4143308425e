#ifndef LEGGIO_DOCUMENT_DICTIONARIES_H
#define LEGGIO_DOCUMENT_DICTIONARIES_H

/// Makes every dictionary in the library's `document_dictionary` table known to libzstd's
/// readers (`leggio_zstd_learn_dictionary`): what a reader does when a document names a
/// dictionary it has not met, which another process may have trained since the library
/// was opened. `db` is an `sqlite3 *`. The number of dictionaries read, or -1 when the
/// table cannot be read.
int leggio_learn_document_dictionaries(void *db);

#endif
