#ifndef LEGGIO_CDEFLATE_H
#define LEGGIO_CDEFLATE_H
// libdeflate (Debian's libdeflate0), loaded with dlopen the first time a large document is
// stored or read. It writes and reads the zlib format that zlib itself does, about twice as
// fast to compress and three times as fast to inflate; without the library every document
// goes through zlib as before.
#include <stddef.h>

/// Whether libdeflate could be loaded (loads it the first time).
int leggio_deflate_available(void);

/// The most bytes `leggio_deflate_zlib_compress` can write for `size` bytes of input.
size_t leggio_deflate_zlib_bound(size_t size);

/// Compresses `size` bytes at `input` into the zlib format at `level` (1 to 12) into
/// `output`; the number of bytes written, 0 on failure or without libdeflate.
size_t leggio_deflate_zlib_compress(const void *input, size_t size, void *output,
                                    size_t capacity, int level);

/// Compresses `size` bytes at `input` into the zlib format with ISA-L's igzip at its level 1
/// (isal_loader.c); the number of bytes written, 0 on failure or without ISA-L.
size_t leggio_isal_zlib_compress(const void *input, size_t size, void *output,
                                 size_t capacity);

/// Inflates a zlib stream of `size` bytes into exactly `expected` bytes at `output`;
/// 0 on success, -1 on failure (damaged, another length, or no libdeflate).
// Whether ISA-L was found (and Leggio built with its header).
int leggio_isal_available(void);

// `input` as raw deflate into `output`, level 1; a part that is not `last` ends
// byte-aligned with a full flush, so parts made apart join into one stream. 0 on failure.
size_t leggio_isal_deflate_part(const void *input, size_t size, void *output, size_t capacity,
                                int last);

// The Adler-32 checksum of `input` continuing `adler` (1 to start).
unsigned leggio_isal_adler32(unsigned adler, const void *input, size_t size);

int leggio_deflate_zlib_decompress(const void *input, size_t size, void *output,
                                   size_t expected);

/// Inflates a raw DEFLATE stream (a ZIP entry) into exactly `expected` bytes at `output`;
/// 0 on success, -1 on failure.
int leggio_deflate_raw_decompress(const void *input, size_t size, void *output,
                                  size_t expected);

/// The CRC-32 of `size` bytes, continuing from `crc` (0 to start); 0 without libdeflate.
unsigned leggio_deflate_crc32(unsigned crc, const void *input, size_t size);

// libzstd (zstd_loader.c), opened with dlopen: documents compressed with a dictionary trained
// on the library's own documents (`DocumentDictionary`). Without it nothing is written in
// that form, and a document in it cannot be read (LEGGIO_ZSTD_UNAVAILABLE).

#ifndef LEGGIO_ZSTD_TRAIN_K
#define LEGGIO_ZSTD_TRAIN_K 200
#endif

#define LEGGIO_ZSTD_UNAVAILABLE (-1)
#define LEGGIO_ZSTD_MISSING_DICTIONARY (-2)
#define LEGGIO_ZSTD_DAMAGED (-3)

/// Whether libzstd could be loaded (loads it the first time).
int leggio_zstd_available(void);

/// The id a zstd dictionary names itself by; 0 for none (or without libzstd).
unsigned leggio_zstd_dictionary_id(const void *dictionary, size_t size);

/// Makes `dictionary` known to every later `leggio_zstd_decompress` of the process; its id,
/// 0 on failure.
unsigned leggio_zstd_learn_dictionary(const void *dictionary, size_t size);

/// A compression dictionary (ZSTD_CDict) for `level`, shared by every thread; NULL on failure.
void *leggio_zstd_compression_dictionary(const void *dictionary, size_t size, int level);
void leggio_zstd_free_compression_dictionary(void *cdict);

/// The most bytes one frame of `size` bytes of input takes.
size_t leggio_zstd_bound(size_t size);

/// `input` as one zstd frame with `cdict`, in this thread's context; bytes written, 0 on failure.
size_t leggio_zstd_compress(const void *cdict, const void *input, size_t size, void *output,
                            size_t capacity);

/// Whether `input` starts with the zstd frame magic (28 B5 2F FD).
int leggio_zstd_is_frame(const void *input, size_t size);

/// The id of the dictionary a frame was compressed with, 0 for none.
unsigned leggio_zstd_frame_dictionary(const void *input, size_t size);

/// Decompresses one frame into exactly `expected` bytes at `output`: 0, or one of
/// LEGGIO_ZSTD_UNAVAILABLE, LEGGIO_ZSTD_MISSING_DICTIONARY, LEGGIO_ZSTD_DAMAGED.
int leggio_zstd_decompress(const void *input, size_t size, void *output, size_t expected);

/// Trains a dictionary of up to `capacity` bytes on `count` samples laid end to end; its
/// size, 0 on failure.
size_t leggio_zstd_train(void *dictionary, size_t capacity, const void *samples,
                         const size_t *sizes, unsigned count, int level);

#endif
