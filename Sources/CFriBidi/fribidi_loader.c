#include "CFriBidi.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// The FriBidi 1.0 entry points Leggio uses (fribidi-bidi.h, fribidi-brackets.h,
// fribidi-mirroring.h), found with dlsym; the types are theirs, spelled out here so that
// building needs no headers.
typedef uint32_t FriBidiChar;
typedef uint32_t FriBidiCharType;
typedef uint32_t FriBidiParType;
typedef uint32_t FriBidiBracketType;
typedef signed char FriBidiLevel;

enum {
  PAR_LTR = 0x110,   // FRIBIDI_PAR_LTR: strong | letter
  PAR_RTL = 0x111,   // FRIBIDI_PAR_RTL: strong | letter | rtl
  PAR_WLTR = 0x20,   // FRIBIDI_PAR_WLTR: first strong, else left to right
  PAR_WRTL = 0x21,   // FRIBIDI_PAR_WRTL: first strong, else right to left
  FLAG_REORDER_NSM = 0x2,
};

static struct {
  void (*bidi_types)(const FriBidiChar *, int, FriBidiCharType *);
  void (*bracket_types)(const FriBidiChar *, int, const FriBidiCharType *,
                        FriBidiBracketType *);
  FriBidiLevel (*levels)(const FriBidiCharType *, const FriBidiBracketType *, int,
                         FriBidiParType *, FriBidiLevel *);
  FriBidiLevel (*reorder)(uint32_t, const FriBidiCharType *, int, int, FriBidiParType,
                          FriBidiLevel *, FriBidiChar *, int *);
  int (*mirror)(FriBidiChar, FriBidiChar *);
} fribidi;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_failure[256];

static void load(void) {
  const char *names[] = {"libfribidi.so.0", "libfribidi.so"};
  void *library = NULL;
  for (size_t index = 0; index < sizeof names / sizeof names[0] && library == NULL; index++) {
    library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
  }
  if (library == NULL) {
    snprintf(load_failure, sizeof load_failure,
             "libfribidi is not installed (install libfribidi0 to show right-to-left text)");
    return;
  }
  fribidi.bidi_types = dlsym(library, "fribidi_get_bidi_types");
  fribidi.bracket_types = dlsym(library, "fribidi_get_bracket_types");
  fribidi.levels = dlsym(library, "fribidi_get_par_embedding_levels_ex");
  fribidi.reorder = dlsym(library, "fribidi_reorder_line");
  fribidi.mirror = dlsym(library, "fribidi_get_mirror_char");
  if (!fribidi.bidi_types || !fribidi.bracket_types || !fribidi.levels || !fribidi.reorder ||
      !fribidi.mirror) {
    snprintf(load_failure, sizeof load_failure,
             "libfribidi is older than 1.0 (it lacks fribidi_get_par_embedding_levels_ex)");
  }
}

int leggio_fribidi_load(char *message, size_t capacity) {
  pthread_once(&load_once, load);
  if (load_failure[0] == 0) return 0;
  if (message != NULL && capacity > 0) snprintf(message, capacity, "%s", load_failure);
  return -1;
}

int leggio_fribidi_levels(const uint32_t *scalars, int length, int direction, uint32_t *types,
                          int8_t *levels) {
  if (leggio_fribidi_load(NULL, 0) != 0 || length <= 0) return -1;
  FriBidiBracketType *brackets = malloc(sizeof(FriBidiBracketType) * (size_t)length);
  if (brackets == NULL) return -1;
  fribidi.bidi_types(scalars, length, types);
  fribidi.bracket_types(scalars, length, types, brackets);
  const FriBidiParType asked[] = {PAR_WLTR, PAR_WRTL, PAR_LTR, PAR_RTL};
  FriBidiParType base = asked[direction & 3];
  FriBidiLevel result = fribidi.levels(types, brackets, length, &base, levels);
  free(brackets);
  if (result == 0) return -1;
  return (base & 1) ? 1 : 0;
}

int leggio_fribidi_reorder(const uint32_t *types, int length, int offset, int paragraph_rtl,
                           int8_t *levels, int *map) {
  if (leggio_fribidi_load(NULL, 0) != 0) return -1;
  FriBidiLevel result = fribidi.reorder(FLAG_REORDER_NSM, types, length, offset,
                                        paragraph_rtl ? PAR_RTL : PAR_LTR, levels, NULL, map);
  return result == 0 ? -1 : 0;
}

uint32_t leggio_fribidi_mirror(uint32_t scalar) {
  if (leggio_fribidi_load(NULL, 0) != 0) return scalar;
  FriBidiChar mirrored = scalar;
  return fribidi.mirror(scalar, &mirrored) ? mirrored : scalar;
}
