#ifndef CLAIMS_CBROTLI_SHIM_H
#define CLAIMS_CBROTLI_SHIM_H
#include <brotli/decode.h>
#include <brotli/encode.h>
#endif
