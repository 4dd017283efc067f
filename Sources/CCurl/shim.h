#ifndef CLAIMS_CCURL_SHIM_H
#define CLAIMS_CCURL_SHIM_H
#include <curl/curl.h>

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call; these fix the type
// of the third argument, one function per kind of value.

typedef size_t (*claims_curl_data_callback)(char *data, size_t size, size_t count, void *context);
typedef int (*claims_curl_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size,
                                          void *context);

static inline CURLcode claims_curl_setopt_long(CURL *handle, CURLoption option, long value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode claims_curl_setopt_offset(CURL *handle, CURLoption option, curl_off_t value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode claims_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode claims_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode claims_curl_setopt_list(CURL *handle, CURLoption option, struct curl_slist *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode claims_curl_setopt_data_callback(CURL *handle, CURLoption option,
                                                        claims_curl_data_callback value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode claims_curl_setopt_debug_callback(CURL *handle, claims_curl_debug_callback value) {
  return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, value);
}

static inline CURLcode claims_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
  return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode claims_curl_getinfo_offset(CURL *handle, CURLINFO info, curl_off_t *value) {
  return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode claims_curl_getinfo_string(CURL *handle, CURLINFO info, char **value) {
  return curl_easy_getinfo(handle, info, value);
}

#endif
