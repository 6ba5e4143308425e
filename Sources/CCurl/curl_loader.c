#include "CCurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

// The libcurl entry points Leggio uses, found with dlsym. The variadic ones are called
// with the one argument type each option takes, as curl.h's own macros do.
static struct {
  int (*global_init)(long flags);
  void *(*easy_init)(void);
  void (*easy_cleanup)(void *);
  int (*easy_perform)(void *);
  int (*easy_setopt)(void *, int, ...);
  int (*easy_getinfo)(void *, int, ...);
  const char *(*easy_strerror)(int);
  void *(*slist_append)(void *, const char *);
  void (*slist_free_all)(void *);
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_failure[256];

static void *find(void *library, const char *name) {
  void *symbol = dlsym(library, name);
  if (symbol == NULL && load_failure[0] == 0) {
    snprintf(load_failure, sizeof load_failure, "libcurl lacks %s", name);
  }
  return symbol;
}

static void load(void) {
  // The plain soname first, then the builds Debian and others ship beside it.
  const char *names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl-nss.so.4",
                         "libcurl.so"};
  void *library = NULL;
  for (size_t index = 0; index < sizeof names / sizeof names[0] && library == NULL; index++) {
    library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
  }
  if (library == NULL) {
    snprintf(load_failure, sizeof load_failure,
             "libcurl is not installed (install the libcurl4 package to fetch pages and feeds)");
    return;
  }
  curl.global_init = find(library, "curl_global_init");
  curl.easy_init = find(library, "curl_easy_init");
  curl.easy_cleanup = find(library, "curl_easy_cleanup");
  curl.easy_perform = find(library, "curl_easy_perform");
  curl.easy_setopt = find(library, "curl_easy_setopt");
  curl.easy_getinfo = find(library, "curl_easy_getinfo");
  curl.easy_strerror = find(library, "curl_easy_strerror");
  curl.slist_append = find(library, "curl_slist_append");
  curl.slist_free_all = find(library, "curl_slist_free_all");
  if (load_failure[0] != 0) return;
  // CURL_GLOBAL_DEFAULT; done once here, before any thread makes a handle.
  if (curl.global_init(3) != 0) {
    snprintf(load_failure, sizeof load_failure, "libcurl failed to initialise");
  }
}

int leggio_curl_load(char *message, size_t capacity) {
  pthread_once(&load_once, load);
  if (load_failure[0] == 0) return 0;
  if (message != NULL && capacity > 0) snprintf(message, capacity, "%s", load_failure);
  return -1;
}

void *leggio_curl_easy_init(void) { return curl.easy_init(); }
void leggio_curl_easy_cleanup(void *handle) { curl.easy_cleanup(handle); }
int leggio_curl_easy_perform(void *handle) { return curl.easy_perform(handle); }

int leggio_curl_setopt_long(void *handle, int option, long value) {
  return curl.easy_setopt(handle, option, value);
}

int leggio_curl_setopt_pointer(void *handle, int option, const void *value) {
  return curl.easy_setopt(handle, option, value);
}

int leggio_curl_setopt_data_callback(void *handle, int option,
                                     leggio_curl_data_callback callback) {
  return curl.easy_setopt(handle, option, callback);
}

int leggio_curl_setopt_progress_callback(void *handle, int option,
                                         leggio_curl_progress_callback callback) {
  return curl.easy_setopt(handle, option, callback);
}

int leggio_curl_getinfo_long(void *handle, int info, long *value) {
  return curl.easy_getinfo(handle, info, value);
}

int leggio_curl_getinfo_string(void *handle, int info, const char **value) {
  return curl.easy_getinfo(handle, info, value);
}

const char *leggio_curl_strerror(int code) { return curl.easy_strerror(code); }

void *leggio_curl_slist_append(void *list, const char *line) {
  return curl.slist_append(list, line);
}

void leggio_curl_slist_free_all(void *list) { curl.slist_free_all(list); }
