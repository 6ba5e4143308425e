#ifndef LEGGIO_CNCURSESW_SHIM_H
#define LEGGIO_CNCURSESW_SHIM_H
// The wide-character API of ncurses needs these before the header.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/// Macros Swift cannot call.
static inline int leggio_color_pair(int n) { return COLOR_PAIR(n); }
static inline int leggio_key_resize(void) { return KEY_RESIZE; }
static inline int leggio_key_mouse(void) { return KEY_MOUSE; }
static inline int leggio_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int leggio_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline WINDOW *leggio_stdscr(void) { return stdscr; }
static inline int leggio_colors(void) { return COLORS; }
static inline int leggio_color_pairs(void) { return COLOR_PAIRS; }
static inline int leggio_lines(void) { return LINES; }
static inline int leggio_cols(void) { return COLS; }
static inline int leggio_set_escdelay(int ms) { return set_escdelay(ms); }
// Attributes, mouse buttons and function keys are macros too.
static inline attr_t leggio_a_normal(void) { return A_NORMAL; }
static inline attr_t leggio_a_bold(void) { return A_BOLD; }
static inline attr_t leggio_a_dim(void) { return A_DIM; }
static inline attr_t leggio_a_italic(void) { return A_ITALIC; }
static inline attr_t leggio_a_underline(void) { return A_UNDERLINE; }
static inline attr_t leggio_a_reverse(void) { return A_REVERSE; }
static inline mmask_t leggio_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t leggio_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline int leggio_key_f(int n) { return KEY_F(n); }
/// setcchar with an extended (int) colour pair, which the short argument cannot hold.
static inline int leggio_setcchar(cchar_t *c, const wchar_t *w, attr_t a, int pair) {
  return setcchar(c, w, a, 0, &pair);
}
#endif
