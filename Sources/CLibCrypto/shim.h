#ifndef CLAIMS_CLIBCRYPTO_SHIM_H
#define CLAIMS_CLIBCRYPTO_SHIM_H
// SHA1_Init/Update/Final are deprecated in OpenSSL 3 in favour of EVP, but remain, and need no
// provider loading: the index writer uses them for the processor's SHA instructions.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#endif
