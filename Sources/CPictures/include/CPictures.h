#ifndef LEGGIO_CPICTURES_H
#define LEGGIO_CPICTURES_H
// Pictures in the terminal: libchafa (Debian's libchafa0) turns pixels into Unicode
// symbols or kitty/sixel/iTerm2 byte streams; libstb (libstb0, stb_image) decodes JPEG,
// PNG and GIF, libwebp (libwebp7) WebP. All are opened with dlopen the first time a
// picture is drawn, so Leggio builds, runs and tests without them: pictures are then
// shown as their placeholders. The enum values below are chafa's stable ABI (chafa.h).
#include <stddef.h>
#include <stdint.h>

enum {
  LEGGIO_CHAFA_CANVAS_MODE_TRUECOLOR = 0,
  LEGGIO_CHAFA_CANVAS_MODE_INDEXED_256 = 1,
  LEGGIO_CHAFA_CANVAS_MODE_INDEXED_16 = 3,
  LEGGIO_CHAFA_CANVAS_MODE_FGBG = 5,
  LEGGIO_CHAFA_CANVAS_MODE_INDEXED_8 = 6,
};

enum {
  LEGGIO_CHAFA_PIXEL_MODE_SYMBOLS = 0,
  LEGGIO_CHAFA_PIXEL_MODE_SIXELS = 1,
  LEGGIO_CHAFA_PIXEL_MODE_KITTY = 2,
  LEGGIO_CHAFA_PIXEL_MODE_ITERM2 = 3,
};

/// Loads libchafa and the decoders once; 0 when pictures can be drawn, else -1 with the
/// reason in `message`.
int leggio_pictures_load(char *message, size_t capacity);

/// Whether WebP can be decoded (libwebp was found).
int leggio_pictures_has_webp(void);

/// Decodes `data` to unassociated RGBA, 8 bits a channel, `*width` x `*height` pixels.
/// NULL when the bytes are not a picture the decoders read. Free with
/// `leggio_pictures_free_pixels`.
unsigned char *leggio_pictures_decode(const unsigned char *data, size_t size, int *width,
                                      int *height);
void leggio_pictures_free_pixels(unsigned char *pixels);

/// Converts RGBA pixels to `columns` x `rows` cells of chafa's symbols in `canvas_mode`:
/// each cell's character (a Unicode scalar) and its foreground and background (packed
/// 0xRRGGBB in truecolor, a palette index in the indexed modes, -1 for none).
/// 0 on success.
int leggio_chafa_symbols(const unsigned char *rgba, int width, int height, int columns,
                         int rows, int canvas_mode, uint32_t *characters, int32_t *foregrounds,
                         int32_t *backgrounds);

/// The byte stream that draws RGBA pixels over `columns` x `rows` cells of
/// `cell_width` x `cell_height` pixels with `pixel_mode` (sixel, kitty or iTerm2).
/// malloc'ed (free it), its length in `*length`; NULL on failure.
char *leggio_chafa_print(const unsigned char *rgba, int width, int height, int columns, int rows,
                         int pixel_mode, int cell_width, int cell_height, size_t *length);

#endif
