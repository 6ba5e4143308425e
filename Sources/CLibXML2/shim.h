#ifndef LEGGIO_CLIBXML2_SHIM_H
#define LEGGIO_CLIBXML2_SHIM_H
// libxml2 pulls in the system ICU, whose UErrorCode clashes with Foundation's own ICU
// module. Read the version header first and switch ICU off before anything else.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/entities.h>
#include <libxml/xmlreader.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

/// xmlFree is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void leggio_xml_free(void *pointer) { xmlFree(pointer); }
#endif
