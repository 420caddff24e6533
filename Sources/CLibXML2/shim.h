#ifndef NEWSCONV_CLIBXML2_SHIM_H
#define NEWSCONV_CLIBXML2_SHIM_H

// xmlversion.h first, then turn off ICU: Debian's libxml2 is built with ICU, whose headers clash
// with the ICU inside the Swift toolchain's Foundation on cold builds.
#include <stdint.h>
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
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

// libxml2 reports some errors (an encoding it cannot convert, for one) through its generic error
// function as well, which prints to standard error; newsconv has them from the structured
// handlers, with locations. Silenced for this thread and for threads that start using libxml2.
static inline void newsconv_ignore_generic_error(void *ctx, const char *msg, ...) {
    (void) ctx;
    (void) msg;
}

static inline void newsconv_silence_generic_errors(void) {
    xmlThrDefSetGenericErrorFunc(NULL, newsconv_ignore_generic_error);
    xmlSetGenericErrorFunc(NULL, newsconv_ignore_generic_error);
}

/// The last `byte` in the `count` bytes at `base`, or NULL.
static inline const void *newsconv_memrchr(const void *base, int byte, size_t count) {
#if defined(__GLIBC__)
    extern void *memrchr(const void *, int, size_t);
    return memrchr(base, byte, count);
#else
    const unsigned char *p = (const unsigned char *) base + count;
    while (p > (const unsigned char *) base) { if (*--p == (unsigned char) byte) return p; }
    return NULL;
#endif
}

// Source positions of elements, for keeping an element's own bytes instead of re-serializing it.

/// The offset of the `<` that starts the element whose start tag was just read, plus one; 0 when
/// not known. A start tag holds no `<` but its first, so it is the nearest one before the cursor.
static inline uint32_t newsconv_start_offset(xmlParserCtxtPtr ctxt) {
    xmlParserInputPtr input = ctxt->input;
    if (input == NULL || input->base == NULL || input->cur == NULL) return 0;
    const xmlChar *p = (const xmlChar *) newsconv_memrchr(input->base, '<', (size_t) (input->cur - input->base) + 1);
    if (p == NULL) return 0;
    unsigned long begin = input->consumed + (unsigned long) (p - input->base);
    return begin < 0x7FFFFFFFUL ? (uint32_t) (begin + 1) : 0;
}

/// The offset just past the end tag that was just read; 0 when not known.
static inline uint32_t newsconv_end_offset(xmlParserCtxtPtr ctxt) {
    xmlParserInputPtr input = ctxt->input;
    if (input == NULL || input->base == NULL || input->cur == NULL) return 0;
    unsigned long end = input->consumed + (unsigned long) (input->cur - input->base);
    return end < 0x7FFFFFFFUL ? (uint32_t) end : 0;
}

#include "tree.h"

#endif
