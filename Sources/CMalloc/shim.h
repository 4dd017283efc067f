#ifndef CLAIMS_CMALLOC_SHIM_H
#define CLAIMS_CMALLOC_SHIM_H
#include <stddef.h>
#if defined(__linux__)
#include <features.h>
#endif

// glibc's malloc_trim, which Swift's Glibc module does not export (it is declared in <malloc.h>,
// which that module leaves out). Elsewhere (another C library) it does nothing and answers 0.
#if defined(__GLIBC__)
#include <malloc.h>
static inline int claims_malloc_trim(size_t pad) { return malloc_trim(pad); }
#else
static inline int claims_malloc_trim(size_t pad) {
  (void)pad;
  return 0;
}
#endif

#endif
