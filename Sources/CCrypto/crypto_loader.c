#include "CCrypto.h"

#include <dlfcn.h>
#include <pthread.h>

// The one libcrypto entry point Leggio uses (openssl/sha.h), found with dlsym. It is
// deprecated in OpenSSL 3 in favour of EVP_Digest but still exported, and one call.
static unsigned char *(*sha256)(const unsigned char *data, size_t count, unsigned char *md);

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
  const char *names[] = {"libcrypto.so.3", "libcrypto.so"};
  void *library = NULL;
  for (size_t index = 0; index < sizeof names / sizeof names[0] && library == NULL; index++) {
    library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
  }
  if (library == NULL) return;
  sha256 = dlsym(library, "SHA256");
}

int leggio_crypto_available(void) {
  pthread_once(&load_once, load);
  return sha256 != NULL;
}

int leggio_crypto_sha256(const void *input, size_t size, unsigned char *digest) {
  if (!leggio_crypto_available()) return -1;
  return sha256(input, size, digest) == digest ? 0 : -1;
}
