#ifndef LEGGIO_CFRIBIDI_H
#define LEGGIO_CFRIBIDI_H
// GNU FriBidi (the Unicode Bidirectional Algorithm, UAX #9; Debian's libfribidi0), loaded
// with dlopen the first time a right-to-left paragraph is laid out. Without the library
// Leggio still builds, runs and tests; right-to-left text is then shown in logical order.
#include <stddef.h>
#include <stdint.h>

/// Loads libfribidi once; 0 when it is there, else -1 with the reason in `message`.
int leggio_fribidi_load(char *message, size_t capacity);

/// Resolves the embedding level of each of `length` scalars of one paragraph (rules P2 to
/// I2 and L1 parts 1-3). `direction` asks for the base direction: 0 from the first strong
/// character, left to right when there is none; 1 the same, right to left when there is
/// none; 2 always left to right; 3 always right to left. `types` (the bidi class of each
/// scalar) and `levels` receive `length` entries. Returns 1 when the resolved paragraph
/// is right to left, 0 when left to right, -1 on failure.
int leggio_fribidi_levels(const uint32_t *scalars, int length, int direction, uint32_t *types,
                          int8_t *levels);

/// Reorders one line, items `offset..<offset + length` of a paragraph whose `types` and
/// `levels` came from `leggio_fribidi_levels` (rules L1 part 4 and L2): on return
/// `map[k]` for k in that range is the logical index shown at visual position k. `levels`
/// of the line's trailing spaces are changed (L1). Returns 0, or -1 on failure.
int leggio_fribidi_reorder(const uint32_t *types, int length, int offset, int paragraph_rtl,
                           int8_t *levels, int *map);

/// The mirrored form of `scalar` ("(" for ")"), or `scalar` itself when it has none.
uint32_t leggio_fribidi_mirror(uint32_t scalar);

#endif
