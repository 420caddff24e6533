#ifndef NEWSCONV_CLIBXML2_SHIM_H
#define NEWSCONV_CLIBXML2_SHIM_H

// xmlversion.h first, then turn off ICU: Debian's libxml2 is built with ICU, whose headers clash
// with the ICU inside the Swift toolchain's Foundation on cold builds.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlmemory.h>

// Swift 6 rejects the global function-pointer variable xmlFree as not concurrency-safe.
static inline void newsconv_xml_free(void *pointer) { xmlFree(pointer); }

// The parser context's SAX handler: install a structured error callback for this context only.
static inline void newsconv_set_structured_error(xmlParserCtxtPtr ctxt, xmlStructuredErrorFunc handler) {
    if (ctxt != NULL && ctxt->sax != NULL) {
        ctxt->sax->serror = handler;
        ctxt->sax->error = NULL;
        ctxt->sax->warning = NULL;
    }
}

#endif
