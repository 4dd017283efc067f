#ifndef CLAIMS_CLIBCRYPTO_SHIM_H
#define CLAIMS_CLIBCRYPTO_SHIM_H
// OpenSSL's digests only (libcrypto), for the processor's SHA instructions:
// - EVP for SHA-256, several times faster than portable code on the megabytes of an archived page;
// - SHA1_Init/Update/Final for the index writer: deprecated in OpenSSL 3 in favour of EVP, but they
//   remain and need no provider loading.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/evp.h>
#include <openssl/sha.h>
#endif
