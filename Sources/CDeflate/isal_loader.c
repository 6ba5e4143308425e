#include "CDeflate.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// ISA-L's igzip (Debian's libisal2), for the many short documents of a feed update: at
// its level 1 it writes the same zlib format as libdeflate's level 1, about as small, in
// three fifths of the time on a 3.7 KB payload (15 µs against 25). Built only where its
// header is (libisal-dev); opened with dlopen, so a machine without it uses libdeflate.
#if __has_include(<isa-l/igzip_lib.h>)
#include <isa-l/igzip_lib.h>

static struct {
  void (*stateless_init)(struct isal_zstream *stream);
  int (*stateless)(struct isal_zstream *stream);
  uint32_t (*adler32)(uint32_t init, const unsigned char *buffer, uint64_t length);
} isal;

static pthread_once_t isal_once = PTHREAD_ONCE_INIT;
static int isal_loaded = 0;
// Each thread keeps its stream and level buffer (86 KB) from one document to the next.
static pthread_key_t isal_key;

struct isal_state {
  struct isal_zstream stream;
  unsigned char level_buffer[ISAL_DEF_LVL1_SMALL];
};

static void isal_load(void) {
  const char *names[] = {"libisal.so.2", "libisal.so"};
  void *library = NULL;
  for (size_t index = 0; index < sizeof names / sizeof names[0] && library == NULL; index++) {
    library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
  }
  if (library == NULL) return;
  isal.stateless_init = dlsym(library, "isal_deflate_stateless_init");
  isal.stateless = dlsym(library, "isal_deflate_stateless");
  isal.adler32 = dlsym(library, "isal_adler32");
  if (isal.stateless_init == NULL || isal.stateless == NULL || isal.adler32 == NULL) return;
  if (pthread_key_create(&isal_key, free) != 0) return;
  isal_loaded = 1;
}

size_t leggio_isal_zlib_compress(const void *input, size_t size, void *output,
                                 size_t capacity) {
  pthread_once(&isal_once, isal_load);
  if (!isal_loaded || size > 0xFFFFFFFFu || capacity > 0xFFFFFFFFu) return 0;
  struct isal_state *state = pthread_getspecific(isal_key);
  if (state == NULL) {
    state = malloc(sizeof *state);
    if (state == NULL) return 0;
    if (pthread_setspecific(isal_key, state) != 0) {
      free(state);
      return 0;
    }
  }
  struct isal_zstream *stream = &state->stream;
  isal.stateless_init(stream);
  stream->level = 1;
  stream->level_buf = state->level_buffer;
  stream->level_buf_size = sizeof state->level_buffer;
  stream->gzip_flag = IGZIP_ZLIB;
  stream->flush = NO_FLUSH;
  stream->end_of_stream = 1;
  stream->next_in = (uint8_t *)input;
  stream->avail_in = (uint32_t)size;
  stream->next_out = output;
  stream->avail_out = (uint32_t)capacity;
  // COMP_OK is 0; anything else (the output did not fit) leaves it to libdeflate.
  if (isal.stateless(stream) != COMP_OK) return 0;
  return stream->total_out;
}

int leggio_isal_available(void) {
  pthread_once(&isal_once, isal_load);
  return isal_loaded;
}

// One part of a long payload (a book's) as raw deflate at level 1 with ISA-L's large
// level buffer: a part that is not the last ends with a full flush (byte-aligned, no
// history kept), so parts compressed on different threads join into one stream.
size_t leggio_isal_deflate_part(const void *input, size_t size, void *output, size_t capacity,
                                int last) {
  if (!leggio_isal_available() || size > 0xFFFFFFFFu || capacity > 0xFFFFFFFFu) return 0;
  unsigned char *level_buffer = malloc(ISAL_DEF_LVL1_LARGE);
  if (level_buffer == NULL) return 0;
  struct isal_zstream stream;
  isal.stateless_init(&stream);
  stream.level = 1;
  stream.level_buf = level_buffer;
  stream.level_buf_size = ISAL_DEF_LVL1_LARGE;
  stream.gzip_flag = IGZIP_DEFLATE;
  stream.flush = last ? NO_FLUSH : FULL_FLUSH;
  stream.end_of_stream = last ? 1 : 0;
  stream.next_in = (uint8_t *)input;
  stream.avail_in = (uint32_t)size;
  stream.next_out = output;
  stream.avail_out = (uint32_t)capacity;
  int status = isal.stateless(&stream);
  free(level_buffer);
  return status == COMP_OK ? stream.total_out : 0;
}

unsigned leggio_isal_adler32(unsigned adler, const void *input, size_t size) {
  return leggio_isal_available() ? isal.adler32(adler, input, size) : 0;
}

#else

int leggio_isal_available(void) { return 0; }

size_t leggio_isal_deflate_part(const void *input, size_t size, void *output, size_t capacity,
                                int last) {
  (void)input, (void)size, (void)output, (void)capacity, (void)last;
  return 0;
}

unsigned leggio_isal_adler32(unsigned adler, const void *input, size_t size) {
  (void)input, (void)size;
  return adler;
}

size_t leggio_isal_zlib_compress(const void *input, size_t size, void *output,
                                 size_t capacity) {
  (void)input, (void)size, (void)output, (void)capacity;
  return 0;
}

#endif
