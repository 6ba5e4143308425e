#ifndef LEGGIO_CCMARKGFM_SHIM_H
#define LEGGIO_CCMARKGFM_SHIM_H
// cmark-gfm, the reference CommonMark parser with GitHub's extensions (Debian's
// libcmark-gfm-dev and libcmark-gfm-extensions-dev).
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#endif
