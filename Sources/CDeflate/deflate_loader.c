#include "CDeflate.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

// The libdeflate entry points Leggio uses (libdeflate.h), found with dlsym.
static struct {
  void *(*alloc_compressor)(int level);
  size_t (*zlib_compress)(void *compressor, const void *in, size_t in_size, void *out,
                          size_t out_avail);
  size_t (*zlib_bound)(void *compressor, size_t in_size);
  void *(*alloc_decompressor)(void);
  int (*zlib_decompress)(void *decompressor, const void *in, size_t in_size, void *out,
                         size_t out_avail, size_t *actual_out);
  int (*deflate_decompress)(void *decompressor, const void *in, size_t in_size, void *out,
                            size_t out_avail, size_t *actual_out);
  uint32_t (*crc32)(uint32_t crc, const void *buffer, size_t len);
  void (*free_compressor)(void *compressor);
  void (*free_decompressor)(void *decompressor);
} deflate;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int loaded = 0;
// Each thread keeps its own (de)compressors: they hold tables worth reusing and are not
// to be shared between threads. Freed when the thread ends.
static pthread_key_t compressor_key;
static pthread_key_t decompressor_key;

static void free_compressors(void *list) {
  void **compressors = list;
  for (int level = 0; level <= 12; level++) {
    if (compressors[level] != NULL) deflate.free_compressor(compressors[level]);
  }
  free(compressors);
}

static void free_decompressor(void *decompressor) { deflate.free_decompressor(decompressor); }

static void load(void) {
  const char *names[] = {"libdeflate.so.0", "libdeflate.so"};
  void *library = NULL;
  for (size_t index = 0; index < sizeof names / sizeof names[0] && library == NULL; index++) {
    library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
  }
  if (library == NULL) return;
  deflate.alloc_compressor = dlsym(library, "libdeflate_alloc_compressor");
  deflate.zlib_compress = dlsym(library, "libdeflate_zlib_compress");
  deflate.zlib_bound = dlsym(library, "libdeflate_zlib_compress_bound");
  deflate.alloc_decompressor = dlsym(library, "libdeflate_alloc_decompressor");
  deflate.zlib_decompress = dlsym(library, "libdeflate_zlib_decompress");
  deflate.deflate_decompress = dlsym(library, "libdeflate_deflate_decompress");
  deflate.crc32 = dlsym(library, "libdeflate_crc32");
  deflate.free_compressor = dlsym(library, "libdeflate_free_compressor");
  deflate.free_decompressor = dlsym(library, "libdeflate_free_decompressor");
  if (deflate.alloc_compressor == NULL || deflate.zlib_compress == NULL ||
      deflate.zlib_bound == NULL || deflate.alloc_decompressor == NULL ||
      deflate.zlib_decompress == NULL || deflate.deflate_decompress == NULL ||
      deflate.crc32 == NULL || deflate.free_compressor == NULL ||
      deflate.free_decompressor == NULL) {
    return;
  }
  if (pthread_key_create(&compressor_key, free_compressors) != 0) return;
  if (pthread_key_create(&decompressor_key, free_decompressor) != 0) return;
  loaded = 1;
}

int leggio_deflate_available(void) {
  pthread_once(&load_once, load);
  return loaded;
}

static void *compressor(int level) {
  if (!leggio_deflate_available() || level < 1 || level > 12) return NULL;
  void **compressors = pthread_getspecific(compressor_key);
  if (compressors == NULL) {
    compressors = calloc(13, sizeof(void *));
    if (compressors == NULL || pthread_setspecific(compressor_key, compressors) != 0) {
      free(compressors);
      return NULL;
    }
  }
  if (compressors[level] == NULL) compressors[level] = deflate.alloc_compressor(level);
  return compressors[level];
}

static void *decompressor(void) {
  if (!leggio_deflate_available()) return NULL;
  void *existing = pthread_getspecific(decompressor_key);
  if (existing != NULL) return existing;
  void *made = deflate.alloc_decompressor();
  if (made != NULL && pthread_setspecific(decompressor_key, made) != 0) {
    deflate.free_decompressor(made);
    return NULL;
  }
  return made;
}

size_t leggio_deflate_zlib_bound(size_t size) {
  void *made = compressor(1);
  // libdeflate's bound does not depend on the level; without it, zlib's own rule.
  return made != NULL ? deflate.zlib_bound(made, size)
                      : size + (size >> 12) + (size >> 14) + (size >> 25) + 64;
}

size_t leggio_deflate_zlib_compress(const void *input, size_t size, void *output,
                                    size_t capacity, int level) {
  void *made = compressor(level);
  if (made == NULL) return 0;
  return deflate.zlib_compress(made, input, size, output, capacity);
}

int leggio_deflate_zlib_decompress(const void *input, size_t size, void *output,
                                   size_t expected) {
  void *made = decompressor();
  if (made == NULL) return -1;
  // LIBDEFLATE_SUCCESS is 0; a NULL actual_out asks for exactly `expected` bytes.
  return deflate.zlib_decompress(made, input, size, output, expected, NULL) == 0 ? 0 : -1;
}

int leggio_deflate_raw_decompress(const void *input, size_t size, void *output,
                                  size_t expected) {
  void *made = decompressor();
  if (made == NULL) return -1;
  return deflate.deflate_decompress(made, input, size, output, expected, NULL) == 0 ? 0 : -1;
}

unsigned leggio_deflate_crc32(unsigned crc, const void *input, size_t size) {
  return leggio_deflate_available() ? deflate.crc32(crc, input, size) : 0;
}
