#include "CDeflate.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// libzstd (Debian's libzstd1, which dpkg itself needs), opened with dlopen: its header
// (libzstd-dev) is not on every machine, so the few prototypes used are declared here.
// Documents are compressed with a dictionary the library trains on its own documents
// (`DocumentDictionary`); the frames name that dictionary by id, and every dictionary a
// process has met is kept here, so that any thread reads any frame it has the
// dictionary of.

typedef struct {
  int compressionLevel;
  unsigned notificationLevel;
  unsigned dictID;
} zdict_params;

// ZDICT_fastCover_params_t of zdict.h (stable since zstd 1.4).
typedef struct {
  unsigned k;
  unsigned d;
  unsigned f;
  unsigned steps;
  unsigned nbThreads;
  double splitPoint;
  unsigned accel;
  unsigned shrinkDict;
  unsigned shrinkDictMaxRegression;
  zdict_params zParams;
} zdict_fastcover_params;

static struct {
  void *(*createCCtx)(void);
  size_t (*freeCCtx)(void *cctx);
  void *(*createDCtx)(void);
  size_t (*freeDCtx)(void *dctx);
  void *(*createCDict)(const void *dict, size_t size, int level);
  size_t (*freeCDict)(void *cdict);
  void *(*createDDict)(const void *dict, size_t size);
  size_t (*compressUsingCDict)(void *cctx, void *dst, size_t capacity, const void *src,
                               size_t size, const void *cdict);
  size_t (*decompressUsingDDict)(void *dctx, void *dst, size_t capacity, const void *src,
                                 size_t size, const void *ddict);
  size_t (*compressBound)(size_t size);
  unsigned (*isError)(size_t code);
  unsigned (*dictIDFromFrame)(const void *src, size_t size);
  unsigned (*dictIDFromDict)(const void *dict, size_t size);
  size_t (*trainFastCover)(void *dict, size_t capacity, const void *samples,
                           const size_t *sizes, unsigned count,
                           zdict_fastcover_params parameters);
  unsigned (*dictIsError)(size_t code);
} zstd;

static pthread_once_t zstd_once = PTHREAD_ONCE_INIT;
static int zstd_loaded = 0;
// Each thread keeps its (de)compression context: a context holds tables worth reusing
// and is not to be shared between threads. Freed when the thread ends.
static pthread_key_t cctx_key;
static pthread_key_t dctx_key;

static void free_cctx(void *cctx) { zstd.freeCCtx(cctx); }
static void free_dctx(void *dctx) { zstd.freeDCtx(dctx); }

static void zstd_load(void) {
  const char *names[] = {"libzstd.so.1", "libzstd.so"};
  void *library = NULL;
  for (size_t index = 0; index < sizeof names / sizeof names[0] && library == NULL; index++) {
    library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
  }
  if (library == NULL) return;
  zstd.createCCtx = dlsym(library, "ZSTD_createCCtx");
  zstd.freeCCtx = dlsym(library, "ZSTD_freeCCtx");
  zstd.createDCtx = dlsym(library, "ZSTD_createDCtx");
  zstd.freeDCtx = dlsym(library, "ZSTD_freeDCtx");
  zstd.createCDict = dlsym(library, "ZSTD_createCDict");
  zstd.freeCDict = dlsym(library, "ZSTD_freeCDict");
  zstd.createDDict = dlsym(library, "ZSTD_createDDict");
  zstd.compressUsingCDict = dlsym(library, "ZSTD_compress_usingCDict");
  zstd.decompressUsingDDict = dlsym(library, "ZSTD_decompress_usingDDict");
  zstd.compressBound = dlsym(library, "ZSTD_compressBound");
  zstd.isError = dlsym(library, "ZSTD_isError");
  zstd.dictIDFromFrame = dlsym(library, "ZSTD_getDictID_fromFrame");
  zstd.dictIDFromDict = dlsym(library, "ZSTD_getDictID_fromDict");
  zstd.trainFastCover = dlsym(library, "ZDICT_trainFromBuffer_fastCover");
  zstd.dictIsError = dlsym(library, "ZDICT_isError");
  void **symbols = (void **)&zstd;
  for (size_t index = 0; index < sizeof zstd / sizeof(void *); index++) {
    if (symbols[index] == NULL) return;
  }
  if (pthread_key_create(&cctx_key, free_cctx) != 0) return;
  if (pthread_key_create(&dctx_key, free_dctx) != 0) return;
  zstd_loaded = 1;
}

int leggio_zstd_available(void) {
  pthread_once(&zstd_once, zstd_load);
  return zstd_loaded;
}

static void *thread_context(pthread_key_t key, void *(*create)(void), void (*release)(void *)) {
  void *existing = pthread_getspecific(key);
  if (existing != NULL) return existing;
  void *made = create();
  if (made != NULL && pthread_setspecific(key, made) != 0) {
    release(made);
    return NULL;
  }
  return made;
}

// MARK: The dictionaries met, for reading

struct known_dictionary {
  unsigned id;
  void *ddict;
};

static pthread_mutex_t known_lock = PTHREAD_MUTEX_INITIALIZER;
static struct known_dictionary *known = NULL;
static size_t known_count = 0;

static void *ddict_for(unsigned id) {
  void *found = NULL;
  pthread_mutex_lock(&known_lock);
  for (size_t index = 0; index < known_count && found == NULL; index++) {
    if (known[index].id == id) found = known[index].ddict;
  }
  pthread_mutex_unlock(&known_lock);
  return found;
}

unsigned leggio_zstd_dictionary_id(const void *dictionary, size_t size) {
  if (!leggio_zstd_available()) return 0;
  return zstd.dictIDFromDict(dictionary, size);
}

unsigned leggio_zstd_learn_dictionary(const void *dictionary, size_t size) {
  unsigned id = leggio_zstd_dictionary_id(dictionary, size);
  if (id == 0) return 0;
  // An id is a hash of the dictionary's content (ZDICT_finalizeDictionary): one met
  // before is the same dictionary. Kept for the process's life: a few hundred KB each.
  if (ddict_for(id) != NULL) return id;
  void *ddict = zstd.createDDict(dictionary, size);
  if (ddict == NULL) return 0;
  pthread_mutex_lock(&known_lock);
  struct known_dictionary *grown = realloc(known, (known_count + 1) * sizeof *known);
  if (grown != NULL) {
    known = grown;
    known[known_count++] = (struct known_dictionary){.id = id, .ddict = ddict};
  }
  pthread_mutex_unlock(&known_lock);
  return grown != NULL ? id : 0;
}

// MARK: Compressing and reading

void *leggio_zstd_compression_dictionary(const void *dictionary, size_t size, int level) {
  if (!leggio_zstd_available()) return NULL;
  return zstd.createCDict(dictionary, size, level);
}

void leggio_zstd_free_compression_dictionary(void *cdict) {
  if (cdict != NULL) zstd.freeCDict(cdict);
}

size_t leggio_zstd_bound(size_t size) {
  return leggio_zstd_available() ? zstd.compressBound(size) : 0;
}

size_t leggio_zstd_compress(const void *cdict, const void *input, size_t size, void *output,
                            size_t capacity) {
  if (cdict == NULL || !leggio_zstd_available()) return 0;
  void *cctx = thread_context(cctx_key, zstd.createCCtx, free_cctx);
  if (cctx == NULL) return 0;
  size_t written = zstd.compressUsingCDict(cctx, output, capacity, input, size, cdict);
  return zstd.isError(written) ? 0 : written;
}

int leggio_zstd_is_frame(const void *input, size_t size) {
  const uint8_t *bytes = input;
  return size >= 4 && bytes[0] == 0x28 && bytes[1] == 0xB5 && bytes[2] == 0x2F &&
         bytes[3] == 0xFD;
}

unsigned leggio_zstd_frame_dictionary(const void *input, size_t size) {
  if (!leggio_zstd_available()) return 0;
  return zstd.dictIDFromFrame(input, size);
}

int leggio_zstd_decompress(const void *input, size_t size, void *output, size_t expected) {
  if (!leggio_zstd_available()) return LEGGIO_ZSTD_UNAVAILABLE;
  unsigned id = zstd.dictIDFromFrame(input, size);
  void *ddict = NULL;
  if (id != 0) {
    ddict = ddict_for(id);
    if (ddict == NULL) return LEGGIO_ZSTD_MISSING_DICTIONARY;
  }
  void *dctx = thread_context(dctx_key, zstd.createDCtx, free_dctx);
  if (dctx == NULL) return LEGGIO_ZSTD_DAMAGED;
  size_t written = zstd.decompressUsingDDict(dctx, output, expected, input, size, ddict);
  if (zstd.isError(written) || written != expected) return LEGGIO_ZSTD_DAMAGED;
  return 0;
}

// MARK: Training

size_t leggio_zstd_train(void *dictionary, size_t capacity, const void *samples,
                         const size_t *sizes, unsigned count, int level) {
  if (!leggio_zstd_available()) return 0;
  // zstd's own d and accel, one segment size instead of zstd --train's search over several
  // (which took four times as long for a dictionary as good), and a frequency table of 2^18
  // entries instead of 2^20: 1 MB instead of 4 at the update's peak, for a dictionary 0.2%
  // worse (689 bytes a feed document against 688).
  zdict_fastcover_params parameters = {
      .k = LEGGIO_ZSTD_TRAIN_K, .d = 8, .f = 18, .steps = 0, .nbThreads = 1,
      .splitPoint = 1.0, .accel = 1, .zParams = {.compressionLevel = level}};
  size_t written = zstd.trainFastCover(dictionary, capacity, samples, sizes, count, parameters);
  return zstd.dictIsError(written) ? 0 : written;
}
