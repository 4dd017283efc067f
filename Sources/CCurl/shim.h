#ifndef CLAIMS_CCURL_SHIM_H
#define CLAIMS_CCURL_SHIM_H
#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

// libcurl is opened on first use (dlopen), not linked: loading it and the two dozen libraries it
// needs (TLS, Kerberos, LDAP, SSH, IDN...), every symbol bound at start as Debian builds them, was
// about half the start-up of every claims process (15 of 29 million instructions of loading),
// and only the commands that fetch use it. Swift calls the claims_curl_* functions below, never
// libcurl's own. When libcurl cannot be opened, they fail as libcurl does when it cannot start
// (CURLE_FAILED_INIT, NULL handles), and claims_curl_load_error says why.

struct claims_curl_functions {
  int loaded;
  CURLcode (*global_init)(long flags);
  char *(*version)(void);
  CURL *(*easy_init)(void);
  void (*easy_cleanup)(CURL *handle);
  CURLcode (*easy_perform)(CURL *handle);
  CURLcode (*easy_setopt)(CURL *handle, CURLoption option, ...);
  CURLcode (*easy_getinfo)(CURL *handle, CURLINFO info, ...);
  const char *(*easy_strerror)(CURLcode code);
  struct curl_slist *(*slist_append)(struct curl_slist *list, const char *line);
  void (*slist_free_all)(struct curl_slist *list);
  void (*free)(void *pointer);
  CURLU *(*url)(void);
  void (*url_cleanup)(CURLU *handle);
  CURLUcode (*url_set)(CURLU *handle, CURLUPart part, const char *content, unsigned int flags);
  CURLUcode (*url_get)(const CURLU *handle, CURLUPart part, char **content, unsigned int flags);
  const char *(*url_strerror)(CURLUcode code);
};

// Function-local statics: Swift's importer emits the functions of a header, not its variables.
static inline struct claims_curl_functions *claims_curl_storage(void) {
  static struct claims_curl_functions table;
  return &table;
}

static void claims_curl_load(void) {
  void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) return;
  struct claims_curl_functions *t = claims_curl_storage();
  *(void **)&t->global_init = dlsym(library, "curl_global_init");
  *(void **)&t->version = dlsym(library, "curl_version");
  *(void **)&t->easy_init = dlsym(library, "curl_easy_init");
  *(void **)&t->easy_cleanup = dlsym(library, "curl_easy_cleanup");
  *(void **)&t->easy_perform = dlsym(library, "curl_easy_perform");
  *(void **)&t->easy_setopt = dlsym(library, "curl_easy_setopt");
  *(void **)&t->easy_getinfo = dlsym(library, "curl_easy_getinfo");
  *(void **)&t->easy_strerror = dlsym(library, "curl_easy_strerror");
  *(void **)&t->slist_append = dlsym(library, "curl_slist_append");
  *(void **)&t->slist_free_all = dlsym(library, "curl_slist_free_all");
  *(void **)&t->free = dlsym(library, "curl_free");
  *(void **)&t->url = dlsym(library, "curl_url");
  *(void **)&t->url_cleanup = dlsym(library, "curl_url_cleanup");
  *(void **)&t->url_set = dlsym(library, "curl_url_set");
  *(void **)&t->url_get = dlsym(library, "curl_url_get");
  *(void **)&t->url_strerror = dlsym(library, "curl_url_strerror");
  t->loaded = t->global_init && t->version && t->easy_init && t->easy_cleanup && t->easy_perform &&
              t->easy_setopt && t->easy_getinfo && t->easy_strerror && t->slist_append && t->slist_free_all &&
              t->free && t->url && t->url_cleanup && t->url_set && t->url_get && t->url_strerror;
}

/// libcurl's functions, or NULL when libcurl cannot be opened.
static inline const struct claims_curl_functions *claims_curl(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, claims_curl_load);
  return claims_curl_storage()->loaded ? claims_curl_storage() : NULL;
}

static inline CURLcode claims_curl_global_init(long flags) {
  return claims_curl() ? claims_curl()->global_init(flags) : CURLE_FAILED_INIT;
}

static inline const char *claims_curl_version(void) {
  return claims_curl() ? claims_curl()->version() : NULL;
}

static inline CURL *claims_curl_easy_init(void) { return claims_curl() ? claims_curl()->easy_init() : NULL; }

static inline void claims_curl_easy_cleanup(CURL *handle) {
  if (claims_curl()) claims_curl()->easy_cleanup(handle);
}

static inline CURLcode claims_curl_easy_perform(CURL *handle) {
  return claims_curl() ? claims_curl()->easy_perform(handle) : CURLE_FAILED_INIT;
}

static inline const char *claims_curl_easy_strerror(CURLcode code) {
  return claims_curl() ? claims_curl()->easy_strerror(code) : "libcurl (libcurl.so.4) could not be loaded";
}

static inline struct curl_slist *claims_curl_slist_append(struct curl_slist *list, const char *line) {
  return claims_curl() ? claims_curl()->slist_append(list, line) : NULL;
}

static inline void claims_curl_slist_free_all(struct curl_slist *list) {
  if (claims_curl()) claims_curl()->slist_free_all(list);
}

static inline void claims_curl_free(void *pointer) {
  if (claims_curl()) claims_curl()->free(pointer);
}

static inline CURLU *claims_curl_url(void) { return claims_curl() ? claims_curl()->url() : NULL; }

static inline void claims_curl_url_cleanup(CURLU *handle) {
  if (claims_curl()) claims_curl()->url_cleanup(handle);
}

static inline CURLUcode claims_curl_url_set(CURLU *handle, CURLUPart part, const char *content, unsigned int flags) {
  return claims_curl() ? claims_curl()->url_set(handle, part, content, flags) : CURLUE_OUT_OF_MEMORY;
}

static inline CURLUcode claims_curl_url_get(const CURLU *handle, CURLUPart part, char **content, unsigned int flags) {
  return claims_curl() ? claims_curl()->url_get(handle, part, content, flags) : CURLUE_OUT_OF_MEMORY;
}

static inline const char *claims_curl_url_strerror(CURLUcode code) {
  return claims_curl() ? claims_curl()->url_strerror(code) : "libcurl (libcurl.so.4) could not be loaded";
}

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call; these fix the type
// of the third argument, one function per kind of value.

typedef size_t (*claims_curl_data_callback)(char *data, size_t size, size_t count, void *context);
typedef int (*claims_curl_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size,
                                          void *context);

static inline CURLcode claims_curl_setopt_long(CURL *handle, CURLoption option, long value) {
  return claims_curl() ? claims_curl()->easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

static inline CURLcode claims_curl_setopt_offset(CURL *handle, CURLoption option, curl_off_t value) {
  return claims_curl() ? claims_curl()->easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

static inline CURLcode claims_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
  return claims_curl() ? claims_curl()->easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

static inline CURLcode claims_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
  return claims_curl() ? claims_curl()->easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

static inline CURLcode claims_curl_setopt_list(CURL *handle, CURLoption option, struct curl_slist *value) {
  return claims_curl() ? claims_curl()->easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

static inline CURLcode claims_curl_setopt_data_callback(CURL *handle, CURLoption option,
                                                        claims_curl_data_callback value) {
  return claims_curl() ? claims_curl()->easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

static inline CURLcode claims_curl_setopt_debug_callback(CURL *handle, claims_curl_debug_callback value) {
  return claims_curl() ? claims_curl()->easy_setopt(handle, CURLOPT_DEBUGFUNCTION, value) : CURLE_FAILED_INIT;
}

static inline CURLcode claims_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
  return claims_curl() ? claims_curl()->easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}

static inline CURLcode claims_curl_getinfo_offset(CURL *handle, CURLINFO info, curl_off_t *value) {
  return claims_curl() ? claims_curl()->easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}

static inline CURLcode claims_curl_getinfo_string(CURL *handle, CURLINFO info, char **value) {
  return claims_curl() ? claims_curl()->easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}

#endif
