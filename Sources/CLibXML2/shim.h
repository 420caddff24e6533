#ifndef NEWSCONV_CLIBXML2_SHIM_H
#define NEWSCONV_CLIBXML2_SHIM_H

// xmlversion.h first, then turn off ICU: Debian's libxml2 is built with ICU, whose headers clash
// with the ICU inside the Swift toolchain's Foundation on cold builds.
#include <stdint.h>
#include <string.h>
#include <strings.h>
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
#include <libxml/uri.h>

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

// libxml2's parser internals used here and in tree.h, and no others: the parser context's
// `input` (its `base`, `cur`, `consumed` and `line`), `node`, `myDoc`, `wellFormed`, `_private`,
// `sax` and `progressive`; `inputPush`/`inputPop`, `xmlNewIOInputStream` and
// `xmlParserInputBufferCreateStatic`. All of them are in libxml2 2.9 through 2.13 with the
// meaning used here (some deprecated from 2.12, none removed before 2.14, which renames
// `inputPush` to `xmlCtxtPushInput`). LeanTreeTests builds the lean tree and libxml2's own for
// every corpus document and compares them node by node, on whichever version CI installs.

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

// Parsing in place. xmlCtxtReadMemory copies the input into a growable buffer, which it then
// grows and scans for more input near its end; an immutable buffer over the caller's bytes
// does neither. libxml2 converts other encodings while it reads more input, which an immutable
// buffer never does, so only UTF-8 input is parsed in place; and its lookup limit takes an
// immutable buffer for a stream, so only input up to that limit (10,000,000 bytes).

/// Whether libxml2 reads these bytes as UTF-8 without converting them: an optional UTF-8 byte
/// order mark, then an XML declaration whose encoding is UTF-8 or absent, or no declaration and
/// a start that is not another encoding's (no NUL among the first four bytes).
static inline int newsconv_is_plain_utf8_xml(const unsigned char *bytes, size_t count) {
    if (count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) {
        bytes += 3;
        count -= 3;
    }
    if (count < 4) return 0;
    if (bytes[1] == 0 || bytes[2] == 0 || bytes[3] == 0) return 0;
    if (count < 5 || memcmp(bytes, "<?xml", 5) != 0) {
        return bytes[0] == '<' || bytes[0] == ' ' || bytes[0] == '\t' || bytes[0] == '\n' || bytes[0] == '\r';
    }
    size_t end = 5;
    while (end < count && end < 512 && bytes[end] != '>') end++;
    if (end >= count || bytes[end] != '>') return 0;
    for (size_t i = 5; i + 8 <= end; i++) {
        if (memcmp(bytes + i, "encoding", 8) != 0) continue;
        size_t at = i + 8;
        while (at < end && (bytes[at] == ' ' || bytes[at] == '\t' || bytes[at] == '\n' || bytes[at] == '\r' || bytes[at] == '=')) at++;
        if (at >= end || (bytes[at] != '"' && bytes[at] != '\'')) return 0;
        unsigned char quote = bytes[at++];
        size_t start = at;
        while (at < end && bytes[at] != quote) at++;
        size_t length = at - start;
        if (length == 5 && strncasecmp((const char *) bytes + start, "UTF-8", 5) == 0) return 1;
        if (length == 4 && strncasecmp((const char *) bytes + start, "UTF8", 4) == 0) return 1;
        return 0;
    }
    return 1;
}

/// The largest input parsed in place (libxml2's XML_MAX_LOOKUP_LIMIT).
static const int newsconv_in_place_limit = 10000000;

/// xmlCtxtReadMemory's steps (reset, one input, the options, the document) over an immutable
/// buffer of `buffer`'s `size` bytes, which must be followed by a NUL and stay valid during the
/// call. The input is let go of before returning.
static inline xmlDocPtr newsconv_read_in_place(xmlParserCtxtPtr ctxt, const char *buffer, int size, const char *URL, int options) {
    xmlCtxtReset(ctxt);
    xmlParserInputBufferPtr input = xmlParserInputBufferCreateStatic(buffer, size, XML_CHAR_ENCODING_NONE);
    if (input == NULL) return NULL;
    xmlParserInputPtr stream = xmlNewIOInputStream(ctxt, input, XML_CHAR_ENCODING_NONE);
    if (stream == NULL) {
        xmlFreeParserInputBuffer(input);
        return NULL;
    }
    inputPush(ctxt, stream);
    xmlCtxtUseOptions(ctxt, options);
    if (URL != NULL && ctxt->input != NULL && ctxt->input->filename == NULL) ctxt->input->filename = (char *) xmlStrdup((const xmlChar *) URL);
    // The whole input is there: no reading ahead (GROW) and no dropping what was read (SHRINK),
    // which libxml2 2.9 gets wrong for an immutable buffer (it moves the cursor back and reads
    // the same bytes again). Only the push parser reads `progressive` otherwise.
    ctxt->progressive = 1;
    xmlParseDocument(ctxt);
    ctxt->progressive = 0;
    xmlDocPtr document = ctxt->myDoc;
    ctxt->myDoc = NULL;
    if (!ctxt->wellFormed && document != NULL) {
        xmlFreeDoc(document);
        document = NULL;
    }
    xmlParserInputPtr done;
    while ((done = inputPop(ctxt)) != NULL) xmlFreeInputStream(done);
    return document;
}

#include "tree.h"

#endif
