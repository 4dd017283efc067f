#ifndef CLAIMS_CZLIB_SHIM_H
#define CLAIMS_CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 and deflateInit2 are macros (they pass the header's version and the stream's size),
// which Swift cannot call.

static inline int claims_inflate_init2(z_streamp stream, int window_bits) {
  return inflateInit2(stream, window_bits);
}

static inline int claims_deflate_init2(z_streamp stream, int level, int window_bits) {
  return deflateInit2(stream, level, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
}

#endif
