#include "CHyphen.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// The two libhyphen entry points Leggio uses (hyphen.h), found with dlsym.
static struct {
  void *(*load)(const char *path);
  int (*hyphenate3)(void *dictionary, const char *word, int size, char *hyphens,
                    char *hyphenated, char ***rep, int **pos, int **cut, int lhmin, int rhmin,
                    int clhmin, int crhmin);
} hyphen;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_failure[256];

static void load(void) {
  const char *names[] = {"libhyphen.so.0", "libhyphen.so"};
  void *library = NULL;
  for (size_t index = 0; index < sizeof names / sizeof names[0] && library == NULL; index++) {
    library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
  }
  if (library == NULL) {
    snprintf(load_failure, sizeof load_failure,
             "libhyphen is not installed (install libhyphen0 to hyphenate)");
    return;
  }
  hyphen.load = dlsym(library, "hnj_hyphen_load");
  hyphen.hyphenate3 = dlsym(library, "hnj_hyphen_hyphenate3");
  if (hyphen.load == NULL || hyphen.hyphenate3 == NULL) {
    snprintf(load_failure, sizeof load_failure, "libhyphen lacks hnj_hyphen_hyphenate3");
  }
}

int leggio_hyphen_load(char *message, size_t capacity) {
  pthread_once(&load_once, load);
  if (load_failure[0] == 0) return 0;
  if (message != NULL && capacity > 0) snprintf(message, capacity, "%s", load_failure);
  return -1;
}

void *leggio_hyphen_dictionary(const char *path) {
  if (leggio_hyphen_load(NULL, 0) != 0) return NULL;
  return hyphen.load(path);
}

int leggio_hyphen_hyphenate(void *dictionary, const char *word, int size, char *points,
                            int left_min, int right_min) {
  char **rep = NULL;
  int *pos = NULL;
  int *cut = NULL;
  int result = hyphen.hyphenate3(dictionary, word, size, points, NULL, &rep, &pos, &cut,
                                 left_min, right_min, 0, 0);
  // Non-standard breaks (Hungarian "ssz" -> "sz-sz") come back in rep/pos/cut; Leggio
  // keeps only the standard ones, which need no change to the word.
  if (rep != NULL) {
    for (int index = 0; index < size; index++) {
      if (rep[index] != NULL) points[index] = '0';
      free(rep[index]);
    }
    free(rep);
    free(pos);
    free(cut);
  }
  return result == 0 ? 0 : -1;
}
