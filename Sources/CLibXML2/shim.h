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

// Source positions of elements, for keeping an element's own bytes instead of re-serializing it.
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

// SAX2's element callbacks, wrapped: each element node's `_private` gets the byte offset of its
// start tag's `<` plus one (low 32 bits) and, once closed, the offset just past its end tag (high
// 32 bits). At the start callback the start tag has just been read, and a start tag holds no `<`
// but its first, so the nearest `<` before the cursor is its beginning. Offsets are in the
// parser's UTF-8 stream: the reader checks the bytes before using them.
static inline void newsconv_start_element_ns(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                                             const xmlChar *URI, int nb_namespaces, const xmlChar **namespaces,
                                             int nb_attributes, int nb_defaulted, const xmlChar **attributes) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr) ctx;
    xmlSAX2StartElementNs(ctx, localname, prefix, URI, nb_namespaces, namespaces, nb_attributes, nb_defaulted, attributes);
    xmlNodePtr node = ctxt->node;
    xmlParserInputPtr input = ctxt->input;
    if (node == NULL || input == NULL || input->base == NULL || input->cur == NULL || node->_private != NULL) return;
    // The `<` is the nearest one before the cursor (memrchr scans a word at a time).
    const xmlChar *p = (const xmlChar *) newsconv_memrchr(input->base, '<', (size_t) (input->cur - input->base) + 1);
    if (p == NULL) return;
    unsigned long begin = input->consumed + (unsigned long) (p - input->base);
    if (begin < 0x7FFFFFFFUL) node->_private = (void *) (uintptr_t) (begin + 1);
}

static inline void newsconv_end_element_ns(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr) ctx;
    xmlNodePtr node = ctxt->node;
    xmlParserInputPtr input = ctxt->input;
    if (node != NULL && node->_private != NULL && input != NULL && input->base != NULL && input->cur != NULL) {
        unsigned long end = input->consumed + (unsigned long) (input->cur - input->base);
        uintptr_t begin = (uintptr_t) node->_private & 0xFFFFFFFFUL;
        node->_private = end < 0x7FFFFFFFUL ? (void *) (begin | ((uintptr_t) end << 32)) : NULL;
    }
    xmlSAX2EndElementNs(ctx, localname, prefix, URI);
}

/// Installs the position-recording element callbacks on a parser context's SAX2 handler.
static inline void newsconv_record_positions(xmlParserCtxtPtr ctxt) {
    if (ctxt != NULL && ctxt->sax != NULL && ctxt->sax->initialized == XML_SAX2_MAGIC) {
        ctxt->sax->startElementNs = newsconv_start_element_ns;
        ctxt->sax->endElementNs = newsconv_end_element_ns;
    }
}

/// The recorded source range of an element: 1 with `begin` and `end` set, else 0.
static inline int newsconv_source_range(xmlNodePtr node, long *begin, long *end) {
    uintptr_t packed = (uintptr_t) node->_private;
    uintptr_t first = packed & 0xFFFFFFFFUL;
    uintptr_t last = packed >> 32;
    if (first == 0 || last == 0 || last < first) return 0;
    *begin = (long) (first - 1);
    *end = (long) last;
    return 1;
}

#endif
