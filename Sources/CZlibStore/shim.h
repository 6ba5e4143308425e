#ifndef LEGGIO_CZLIBSTORE_SHIM_H
#define LEGGIO_CZLIBSTORE_SHIM_H
// zlib, for the library's stored documents (compress2/uncompress, the zlib format).
#include <zlib.h>
#endif
