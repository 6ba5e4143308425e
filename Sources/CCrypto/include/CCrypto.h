#ifndef LEGGIO_CCRYPTO_H
#define LEGGIO_CCRYPTO_H
// OpenSSL's libcrypto (Debian's libssl3), loaded with dlopen the first time a large text is
// hashed: its SHA-256 uses the processor's SHA instructions where there are some, about
// ten times the speed of the Swift implementation in LeggioModel. Without the library
// every text is hashed by that implementation, to the same digest.
#include <stddef.h>

/// Whether libcrypto's SHA-256 could be loaded (loads it the first time).
int leggio_crypto_available(void);

/// The SHA-256 digest of `size` bytes at `input`, written to the 32 bytes at `digest`;
/// 0 on success, -1 without libcrypto.
int leggio_crypto_sha256(const void *input, size_t size, unsigned char *digest);

#endif
