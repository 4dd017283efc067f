#ifndef CLAIMS_CCRYPTO_SHIM_H
#define CLAIMS_CCRYPTO_SHIM_H
// OpenSSL's digests only (libcrypto): SHA-256 with the processor's SHA instructions where it has
// them, several times faster than portable code on the megabytes of an archived page.
#include <openssl/evp.h>
#endif
