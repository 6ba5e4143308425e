// A libhyphen dictionary kept compiled in a cache file: libhyphen reads its text patterns
// into a state machine (HyphenDict, hyphen.h) on every load, 13 ms for en-US's 11,000
// patterns; the machine written out once reads back in a fraction of a millisecond. What
// is read back is the very structure libhyphen built, handed to its own hyphenate call,
// so every word breaks as before.
#include "CHyphen.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

// hyphen.h of libhyphen 2.8 (its layout has not changed since 2.5; libhyphen-dev is not
// needed to build Leggio).
typedef struct HyphenTrans {
  char ch;
  int new_state;
} HyphenTrans;

typedef struct HyphenState {
  char *match;
  char *repl;
  signed char replindex;
  signed char replcut;
  int fallback_state;
  int num_trans;
  HyphenTrans *trans;
} HyphenState;

typedef struct HyphenDict {
  char lhmin, rhmin, clhmin, crhmin;
  char *nohyphen;
  int nohyphenl;
  int num_states;
  char cset[20];
  int utf8;
  HyphenState *states;
  struct HyphenDict *nextlevel;
} HyphenDict;

static const char magic[8] = "LGHYPH1\n";

/// What the cache was made from: the dictionary's path, size and change time.
typedef struct Source {
  int64_t size;
  int64_t seconds;
  int64_t nanoseconds;
  char path[4096];
} Source;

static int source_of(const char *path, Source *source) {
  struct stat info;
  if (stat(path, &info) != 0) return -1;
  memset(source, 0, sizeof *source);
  source->size = info.st_size;
  source->seconds = info.st_mtim.tv_sec;
  source->nanoseconds = info.st_mtim.tv_nsec;
  if (realpath(path, source->path) == NULL) return -1;
  return 0;
}

// ---- Writing: a growing byte buffer.

typedef struct Buffer {
  char *bytes;
  size_t count, capacity;
  int failed;
} Buffer;

static void put(Buffer *buffer, const void *bytes, size_t count) {
  if (buffer->failed) return;
  if (buffer->count + count > buffer->capacity) {
    size_t capacity = buffer->capacity ? buffer->capacity : 1 << 16;
    while (capacity < buffer->count + count) capacity *= 2;
    char *grown = realloc(buffer->bytes, capacity);
    if (grown == NULL) {
      buffer->failed = 1;
      return;
    }
    buffer->bytes = grown;
    buffer->capacity = capacity;
  }
  memcpy(buffer->bytes + buffer->count, bytes, count);
  buffer->count += count;
}

static void put_int(Buffer *buffer, int64_t value) { put(buffer, &value, sizeof value); }

/// A string as its length and bytes with the terminator; -1 for NULL.
static void put_string(Buffer *buffer, const char *text) {
  if (text == NULL) {
    put_int(buffer, -1);
    return;
  }
  size_t length = strlen(text) + 1;
  put_int(buffer, (int64_t)length);
  put(buffer, text, length);
}

static void put_dictionary(Buffer *buffer, const HyphenDict *dict) {
  char minimums[4] = {dict->lhmin, dict->rhmin, dict->clhmin, dict->crhmin};
  put(buffer, minimums, 4);
  put_int(buffer, dict->nohyphenl);
  // libhyphen reads nohyphenl + 1 strings, one after another.
  if (dict->nohyphen == NULL) {
    put_int(buffer, -1);
  } else {
    size_t length = 0;
    for (int k = 0; k <= dict->nohyphenl; k++) length += strlen(dict->nohyphen + length) + 1;
    put_int(buffer, (int64_t)length);
    put(buffer, dict->nohyphen, length);
  }
  // The name alone: libhyphen leaves what follows its terminator as malloc gave it.
  char cset[sizeof dict->cset] = {0};
  memcpy(cset, dict->cset, strnlen(dict->cset, sizeof cset));
  put(buffer, cset, sizeof cset);
  put_int(buffer, dict->utf8);
  put_int(buffer, dict->num_states);
  for (int s = 0; s < dict->num_states; s++) {
    const HyphenState *state = &dict->states[s];
    put_string(buffer, state->match);
    put_string(buffer, state->repl);
    // Set only with a replacement; libhyphen leaves them unset otherwise.
    char indices[2] = {0, 0};
    if (state->repl != NULL) {
      indices[0] = state->replindex;
      indices[1] = state->replcut;
    }
    put(buffer, indices, 2);
    put_int(buffer, state->fallback_state);
    put_int(buffer, state->num_trans);
    for (int t = 0; t < state->num_trans; t++) {
      put(buffer, &state->trans[t].ch, 1);
      put_int(buffer, state->trans[t].new_state);
    }
  }
  put_int(buffer, dict->nextlevel != NULL);
  if (dict->nextlevel != NULL) put_dictionary(buffer, dict->nextlevel);
}

/// Writes `dict` to `cache` (through a temporary file renamed over it, so that a reader
/// never sees half of one). Failures are silent: the cache is only a cache.
static void write_cache(const HyphenDict *dict, const Source *source, const char *cache) {
  Buffer buffer = {0};
  put(&buffer, magic, sizeof magic);
  put(&buffer, source, sizeof *source);
  put_dictionary(&buffer, dict);
  char temporary[4200];
  int written = snprintf(temporary, sizeof temporary, "%s.%ld.tmp", cache, (long)getpid());
  if (!buffer.failed && written > 0 && (size_t)written < sizeof temporary) {
    int file = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (file >= 0) {
      size_t done = 0;
      while (done < buffer.count) {
        ssize_t n = write(file, buffer.bytes + done, buffer.count - done);
        if (n <= 0) break;
        done += (size_t)n;
      }
      int closed = close(file);
      if (done == buffer.count && closed == 0) {
        if (rename(temporary, cache) != 0) unlink(temporary);
      } else {
        unlink(temporary);
      }
    }
  }
  free(buffer.bytes);
}

// ---- Reading: a cursor over the file's bytes, which the strings then point into.

typedef struct Cursor {
  char *bytes;
  size_t count, offset;
  int failed;
} Cursor;

static const char *take(Cursor *cursor, size_t count) {
  if (cursor->failed || count > cursor->count - cursor->offset) {
    cursor->failed = 1;
    return NULL;
  }
  const char *at = cursor->bytes + cursor->offset;
  cursor->offset += count;
  return at;
}

static int64_t take_int(Cursor *cursor) {
  const char *at = take(cursor, sizeof(int64_t));
  int64_t value = 0;
  if (at != NULL) memcpy(&value, at, sizeof value);
  return value;
}

static char *take_string(Cursor *cursor) {
  int64_t length = take_int(cursor);
  if (length < 0 || cursor->failed) return NULL;
  char *text = (char *)take(cursor, (size_t)length);
  if (text == NULL || length == 0 || text[length - 1] != 0) {
    cursor->failed = 1;
    return NULL;
  }
  return text;
}

static HyphenDict *take_dictionary(Cursor *cursor, int depth) {
  if (depth > 4) {
    cursor->failed = 1;
    return NULL;
  }
  HyphenDict *dict = calloc(1, sizeof *dict);
  if (dict == NULL) {
    cursor->failed = 1;
    return NULL;
  }
  const char *minimums = take(cursor, 4);
  if (minimums != NULL) {
    dict->lhmin = minimums[0];
    dict->rhmin = minimums[1];
    dict->clhmin = minimums[2];
    dict->crhmin = minimums[3];
  }
  dict->nohyphenl = (int)take_int(cursor);
  int64_t length = take_int(cursor);
  if (length >= 0) {
    dict->nohyphen = (char *)take(cursor, (size_t)length);
    if (dict->nohyphen == NULL) cursor->failed = 1;
  }
  const char *cset = take(cursor, sizeof dict->cset);
  if (cset != NULL) memcpy(dict->cset, cset, sizeof dict->cset);
  dict->utf8 = (int)take_int(cursor);
  int64_t states = take_int(cursor);
  if (cursor->failed || states < 0 || states > (int64_t)cursor->count) {
    cursor->failed = 1;
    return dict;
  }
  dict->num_states = (int)states;
  dict->states = calloc((size_t)states + 1, sizeof *dict->states);
  if (dict->states == NULL) {
    cursor->failed = 1;
    return dict;
  }
  for (int s = 0; s < dict->num_states && !cursor->failed; s++) {
    HyphenState *state = &dict->states[s];
    state->match = take_string(cursor);
    state->repl = take_string(cursor);
    const char *indices = take(cursor, 2);
    if (indices != NULL) {
      state->replindex = (signed char)indices[0];
      state->replcut = (signed char)indices[1];
    }
    state->fallback_state = (int)take_int(cursor);
    int64_t transitions = take_int(cursor);
    if (cursor->failed || transitions < 0 || transitions > 256) {
      cursor->failed = 1;
      break;
    }
    state->num_trans = (int)transitions;
    state->trans = calloc((size_t)transitions + 1, sizeof *state->trans);
    if (state->trans == NULL) {
      cursor->failed = 1;
      break;
    }
    for (int t = 0; t < state->num_trans; t++) {
      const char *ch = take(cursor, 1);
      state->trans[t].ch = ch != NULL ? *ch : 0;
      int64_t next = take_int(cursor);
      if (next < 0 || next >= states) cursor->failed = 1;
      state->trans[t].new_state = (int)next;
    }
    if (state->fallback_state < -1 || state->fallback_state >= states) cursor->failed = 1;
  }
  if (!cursor->failed && take_int(cursor)) dict->nextlevel = take_dictionary(cursor, depth + 1);
  return dict;
}

/// The dictionary read back from `cache`, NULL when there is none or it was made from
/// another file (or another version of it). A dictionary read back is never freed: it
/// lives as long as the process, as the loaded ones do.
static HyphenDict *read_cache(const Source *source, const char *cache) {
  int file = open(cache, O_RDONLY);
  if (file < 0) return NULL;
  struct stat info;
  char *bytes = NULL;
  size_t count = 0;
  if (fstat(file, &info) == 0 && info.st_size > (off_t)(sizeof magic + sizeof *source)) {
    count = (size_t)info.st_size;
    bytes = malloc(count);
    size_t done = 0;
    while (bytes != NULL && done < count) {
      ssize_t n = read(file, bytes + done, count - done);
      if (n <= 0) break;
      done += (size_t)n;
    }
    if (done != count) {
      free(bytes);
      bytes = NULL;
    }
  }
  close(file);
  if (bytes == NULL) return NULL;
  Cursor cursor = {bytes, count, 0, 0};
  const char *head = take(&cursor, sizeof magic);
  const char *made = take(&cursor, sizeof *source);
  if (head == NULL || memcmp(head, magic, sizeof magic) != 0 || made == NULL ||
      memcmp(made, source, sizeof *source) != 0) {
    free(bytes);
    return NULL;
  }
  HyphenDict *dict = take_dictionary(&cursor, 0);
  if (cursor.failed || cursor.offset != cursor.count) {
    // A damaged cache: leaked rather than freed piece by piece (it is rare, and small).
    return NULL;
  }
  return dict;
}

void *leggio_hyphen_dictionary_cached(const char *path, const char *cache) {
  if (leggio_hyphen_load(NULL, 0) != 0) return NULL;
  Source source;
  if (cache == NULL || source_of(path, &source) != 0) return leggio_hyphen_dictionary(path);
  HyphenDict *dict = read_cache(&source, cache);
  if (dict != NULL) return dict;
  dict = leggio_hyphen_dictionary(path);
  if (dict != NULL) write_cache(dict, &source, cache);
  return dict;
}
