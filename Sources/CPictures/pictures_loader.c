#include "CPictures.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The entry points Leggio uses, found with dlsym (chafa.h, stb_image.h, webp/decode.h).
typedef struct {
  char *str;
  size_t len;
  size_t allocated_len;
} leggio_gstring;

static struct {
  void *(*symbol_map_new)(void);
  void (*symbol_map_unref)(void *);
  void (*symbol_map_add_by_tags)(void *, int);
  void (*symbol_map_remove_by_tags)(void *, int);
  void *(*config_new)(void);
  void (*config_unref)(void *);
  void (*config_set_geometry)(void *, int, int);
  void (*config_set_cell_geometry)(void *, int, int);
  void (*config_set_canvas_mode)(void *, int);
  void (*config_set_pixel_mode)(void *, int);
  void (*config_set_symbol_map)(void *, const void *);
  void *(*canvas_new)(const void *);
  void (*canvas_unref)(void *);
  void (*canvas_draw_all_pixels)(void *, int, const unsigned char *, int, int, int);
  uint32_t (*canvas_get_char_at)(void *, int, int);
  void (*canvas_get_colors_at)(void *, int, int, int *, int *);
  leggio_gstring *(*canvas_print)(void *, void *);
  void *(*term_db_get_default)(void);
  void *(*term_db_get_fallback_info)(void *);
  void (*term_info_unref)(void *);
  char *(*g_string_free)(leggio_gstring *, int);
} chafa;

static struct {
  unsigned char *(*load_from_memory)(const unsigned char *, int, int *, int *, int *, int);
  void (*image_free)(void *);
} stb;

static struct {
  unsigned char *(*decode_rgba)(const uint8_t *, size_t, int *, int *);
  void (*free)(void *);
} webp;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_failure[256];

static void *open_first(const char **names, size_t count) {
  void *library = NULL;
  for (size_t index = 0; index < count && library == NULL; index++) {
    library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
  }
  return library;
}

static void *find(void *library, const char *name) {
  void *symbol = dlsym(library, name);
  if (symbol == NULL && load_failure[0] == 0) {
    snprintf(load_failure, sizeof load_failure, "a picture library lacks %s", name);
  }
  return symbol;
}

static void load(void) {
  const char *chafa_names[] = {"libchafa.so.0", "libchafa.so"};
  void *library = open_first(chafa_names, 2);
  if (library == NULL) {
    snprintf(load_failure, sizeof load_failure,
             "libchafa is not installed (install libchafa0 to see pictures)");
    return;
  }
  chafa.symbol_map_new = find(library, "chafa_symbol_map_new");
  chafa.symbol_map_unref = find(library, "chafa_symbol_map_unref");
  chafa.symbol_map_add_by_tags = find(library, "chafa_symbol_map_add_by_tags");
  chafa.symbol_map_remove_by_tags = find(library, "chafa_symbol_map_remove_by_tags");
  chafa.config_new = find(library, "chafa_canvas_config_new");
  chafa.config_unref = find(library, "chafa_canvas_config_unref");
  chafa.config_set_geometry = find(library, "chafa_canvas_config_set_geometry");
  chafa.config_set_cell_geometry = find(library, "chafa_canvas_config_set_cell_geometry");
  chafa.config_set_canvas_mode = find(library, "chafa_canvas_config_set_canvas_mode");
  chafa.config_set_pixel_mode = find(library, "chafa_canvas_config_set_pixel_mode");
  chafa.config_set_symbol_map = find(library, "chafa_canvas_config_set_symbol_map");
  chafa.canvas_new = find(library, "chafa_canvas_new");
  chafa.canvas_unref = find(library, "chafa_canvas_unref");
  chafa.canvas_draw_all_pixels = find(library, "chafa_canvas_draw_all_pixels");
  chafa.canvas_get_char_at = find(library, "chafa_canvas_get_char_at");
  chafa.canvas_get_colors_at = find(library, "chafa_canvas_get_colors_at");
  chafa.canvas_print = find(library, "chafa_canvas_print");
  chafa.term_db_get_default = find(library, "chafa_term_db_get_default");
  chafa.term_db_get_fallback_info = find(library, "chafa_term_db_get_fallback_info");
  chafa.term_info_unref = find(library, "chafa_term_info_unref");
  // GLib comes with libchafa; dlsym on its handle searches its dependencies too.
  chafa.g_string_free = find(library, "g_string_free");
  if (load_failure[0] != 0) return;

  const char *stb_names[] = {"libstb.so.0", "libstb.so"};
  void *decoder = open_first(stb_names, 2);
  if (decoder == NULL) {
    snprintf(load_failure, sizeof load_failure,
             "libstb is not installed (install libstb0 to see pictures)");
    return;
  }
  stb.load_from_memory = find(decoder, "stbi_load_from_memory");
  stb.image_free = find(decoder, "stbi_image_free");
  if (load_failure[0] != 0) return;

  // WebP is optional: without libwebp those pictures keep their placeholders.
  const char *webp_names[] = {"libwebp.so.7", "libwebp.so"};
  void *webp_library = open_first(webp_names, 2);
  if (webp_library != NULL) {
    webp.decode_rgba = dlsym(webp_library, "WebPDecodeRGBA");
    webp.free = dlsym(webp_library, "WebPFree");
    if (webp.decode_rgba == NULL || webp.free == NULL) webp.decode_rgba = NULL;
  }
}

int leggio_pictures_load(char *message, size_t capacity) {
  pthread_once(&load_once, load);
  if (load_failure[0] == 0) return 0;
  if (message != NULL && capacity > 0) snprintf(message, capacity, "%s", load_failure);
  return -1;
}

int leggio_pictures_has_webp(void) {
  pthread_once(&load_once, load);
  return webp.decode_rgba != NULL;
}

static int is_webp(const unsigned char *data, size_t size) {
  return size >= 12 && memcmp(data, "RIFF", 4) == 0 && memcmp(data + 8, "WEBP", 4) == 0;
}

unsigned char *leggio_pictures_decode(const unsigned char *data, size_t size, int *width,
                                      int *height) {
  if (leggio_pictures_load(NULL, 0) != 0 || size > 0x7fffffff) return NULL;
  unsigned char *pixels = NULL;
  int from_webp = 0;
  if (is_webp(data, size)) {
    if (webp.decode_rgba == NULL) return NULL;
    pixels = webp.decode_rgba(data, size, width, height);
    from_webp = 1;
  } else {
    int channels = 0;
    pixels = stb.load_from_memory(data, (int)size, width, height, &channels, 4);
  }
  if (pixels == NULL || *width <= 0 || *height <= 0) return NULL;
  // One copy into our own buffer keeps the freeing simple (one free for both decoders).
  size_t bytes = (size_t)*width * (size_t)*height * 4;
  unsigned char *copy = malloc(bytes);
  if (copy != NULL) memcpy(copy, pixels, bytes);
  if (from_webp) {
    webp.free(pixels);
  } else {
    stb.image_free(pixels);
  }
  return copy;
}

void leggio_pictures_free_pixels(unsigned char *pixels) { free(pixels); }

static void *canvas_for(const unsigned char *rgba, int width, int height, int columns, int rows,
                        int canvas_mode, int pixel_mode, int cell_width, int cell_height) {
  void *config = chafa.config_new();
  void *map = chafa.symbol_map_new();
  // Blocks, borders and space, none wide, ambiguous or inverted: one cell each in every
  // terminal font (chafa's own default, "block+border+space-wide-inverted").
  chafa.symbol_map_add_by_tags(map, (1 << 3) | (1 << 4) | (1 << 0));
  chafa.symbol_map_remove_by_tags(map, (1 << 18) | (1 << 19) | (1 << 10) | (1 << 20));
  chafa.config_set_symbol_map(config, map);
  chafa.config_set_canvas_mode(config, canvas_mode);
  chafa.config_set_pixel_mode(config, pixel_mode);
  if (cell_width > 0 && cell_height > 0) {
    chafa.config_set_cell_geometry(config, cell_width, cell_height);
  }
  chafa.config_set_geometry(config, columns, rows);
  void *canvas = chafa.canvas_new(config);
  chafa.symbol_map_unref(map);
  chafa.config_unref(config);
  if (canvas != NULL) {
    chafa.canvas_draw_all_pixels(canvas, 4 /* RGBA8_UNASSOCIATED */, rgba, width, height,
                                 width * 4);
  }
  return canvas;
}

int leggio_chafa_symbols(const unsigned char *rgba, int width, int height, int columns,
                         int rows, int canvas_mode, uint32_t *characters, int32_t *foregrounds,
                         int32_t *backgrounds) {
  if (leggio_pictures_load(NULL, 0) != 0 || columns <= 0 || rows <= 0) return -1;
  void *canvas = canvas_for(rgba, width, height, columns, rows, canvas_mode,
                            LEGGIO_CHAFA_PIXEL_MODE_SYMBOLS, 0, 0);
  if (canvas == NULL) return -1;
  for (int y = 0; y < rows; y++) {
    for (int x = 0; x < columns; x++) {
      int fg = -1;
      int bg = -1;
      characters[y * columns + x] = chafa.canvas_get_char_at(canvas, x, y);
      chafa.canvas_get_colors_at(canvas, x, y, &fg, &bg);
      foregrounds[y * columns + x] = fg;
      backgrounds[y * columns + x] = bg;
    }
  }
  chafa.canvas_unref(canvas);
  return 0;
}

char *leggio_chafa_print(const unsigned char *rgba, int width, int height, int columns, int rows,
                         int pixel_mode, int cell_width, int cell_height, size_t *length) {
  if (leggio_pictures_load(NULL, 0) != 0 || columns <= 0 || rows <= 0) return NULL;
  void *canvas = canvas_for(rgba, width, height, columns, rows,
                            LEGGIO_CHAFA_CANVAS_MODE_TRUECOLOR, pixel_mode, cell_width,
                            cell_height);
  if (canvas == NULL) return NULL;
  // The fallback terminal knows every protocol's sequences.
  void *info = chafa.term_db_get_fallback_info(chafa.term_db_get_default());
  leggio_gstring *printed = chafa.canvas_print(canvas, info);
  chafa.term_info_unref(info);
  chafa.canvas_unref(canvas);
  if (printed == NULL) return NULL;
  char *bytes = malloc(printed->len + 1);
  if (bytes != NULL) {
    memcpy(bytes, printed->str, printed->len);
    bytes[printed->len] = 0;
    *length = printed->len;
  }
  chafa.g_string_free(printed, 1);
  return bytes;
}
