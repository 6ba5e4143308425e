#include "CCrypto.h"

#include <dlfcn.h>
#include <pthread.h>

// libcrypto's low-level SHA-256 (openssl/sha.h), found with dlsym. Deprecated in
// OpenSSL 3 in favour of EVP_Digest but still exported. The one-shot SHA256() goes through
// EVP_Q_digest, which fetches the digest's implementation from the provider store under a
// lock for every call (a feed update hashes 100,000 items from several threads);
// SHA256_Init, _Update and _Final run the implementation directly.
static int (*sha256_init)(void *context);
static int (*sha256_update)(void *context, const void *data, size_t count);
static int (*sha256_final)(unsigned char *md, void *context);

/// Room for OpenSSL's SHA256_CTX (112 bytes: eight words of state, two of length, a
/// 64-byte block, two counts), kept opaque here.
typedef struct {
  _Alignas(16) unsigned char bytes[256];
} sha256_context;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
  const char *names[] = {"libcrypto.so.3", "libcrypto.so"};
  void *library = NULL;
  for (size_t index = 0; index < sizeof names / sizeof names[0] && library == NULL; index++) {
    library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
  }
  if (library == NULL) return;
  sha256_init = dlsym(library, "SHA256_Init");
  sha256_update = dlsym(library, "SHA256_Update");
  sha256_final = dlsym(library, "SHA256_Final");
  if (sha256_init == NULL || sha256_update == NULL || sha256_final == NULL) {
    sha256_init = NULL;
  }
}

int leggio_crypto_available(void) {
  pthread_once(&load_once, load);
  return sha256_init != NULL;
}

int leggio_crypto_sha256(const void *input, size_t size, unsigned char *digest) {
  if (!leggio_crypto_available()) return -1;
  sha256_context context;
  if (sha256_init(&context) != 1) return -1;
  if (sha256_update(&context, input, size) != 1) return -1;
  return sha256_final(digest, &context) == 1 ? 0 : -1;
}
