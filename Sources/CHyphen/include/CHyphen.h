#ifndef LEGGIO_CHYPHEN_H
#define LEGGIO_CHYPHEN_H
// libhyphen (the hyphenation library of LibreOffice, Debian's libhyphen0), loaded with
// dlopen the first time an article in a language with an installed dictionary is laid out.
// Without the library Leggio still builds, runs and tests; it just does not hyphenate.
#include <stddef.h>

/// Loads libhyphen once; 0 when it is there, else -1 with the reason in `message`.
int leggio_hyphen_load(char *message, size_t capacity);

/// Reads a pattern dictionary (`/usr/share/hyphen/hyph_it_IT.dic`); NULL on failure.
void *leggio_hyphen_dictionary(const char *path);

/// The dictionary at `path` as `leggio_hyphen_dictionary` reads it, kept compiled in the
/// file `cache` (hyphen_compiled.c): read back from there when it was made from this very
/// file, else read from `path` and written there. NULL `cache` reads `path` alone.
void *leggio_hyphen_dictionary_cached(const char *path, const char *cache);

/// Hyphenates `word` (UTF-8, lower case, `size` bytes). On return `points[k]` is odd
/// where the word may break after its character `k` (characters, not bytes), at least
/// `left_min` characters from the start and `right_min` from the end. `points` must hold
/// `size + 5` bytes. Returns 0, or -1 when the word could not be hyphenated.
int leggio_hyphen_hyphenate(void *dictionary, const char *word, int size, char *points,
                            int left_min, int right_min);

#endif
