#ifndef NEWSCONV_CLIBXML2_TREE_H
#define NEWSCONV_CLIBXML2_TREE_H

// A lean read-only tree of an XML document: nodes, attributes and namespace declarations in three
// arrays, every string in one buffer (addressed by offset, so the buffers can grow). The parser's
// SAX callbacks below build it directly: no libxml2 node is made or freed, which is more than half
// of what libxml2's own tree costs to parse a news item. Trees are also made from libxml2 nodes
// (the streaming reader's, the HTML parser's, a document kept for schema validation).

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { NEWSCONV_ELEMENT = 1, NEWSCONV_TEXT = 3, NEWSCONV_ENTITY_REFERENCE = 5 };

enum { NEWSCONV_NAME_CACHE = 128 };

/// String offsets are into `strings`; 0 means none (the buffer starts with an unused NUL).
typedef struct {
    int32_t kind;
    int32_t line;
    int32_t parent, first_child, last_child, next;
    /// Elements: local name, namespace prefix and URI. Entity references: `name` is the entity's.
    uint32_t name, prefix, href;
    /// Text: its bytes (NUL-terminated too).
    uint32_t text, text_length;
    int32_t attributes, attribute_count;
    int32_t namespaces, namespace_count;
    /// Where the element lies in the parsed bytes: begin + 1 and end, or 0 when not known.
    uint32_t source_begin, source_end;
} newsconv_node;

typedef struct {
    uint32_t name, prefix, href;
    uint32_t value, value_length;
} newsconv_attribute;

/// A namespace declaration: `prefix` 0 for the default namespace; `href` the URI ("" undeclares).
typedef struct {
    uint32_t prefix, href;
} newsconv_namespace;

typedef struct {
    newsconv_node *nodes;
    int32_t node_count, node_capacity;
    newsconv_attribute *attributes;
    int32_t attribute_count, attribute_capacity;
    newsconv_namespace *namespaces;
    int32_t namespace_count, namespace_capacity;
    char *strings;
    uint32_t string_length, string_capacity;
    /// The element being built (-1 outside the root), and the root (-1 before it).
    int32_t current, root;
    /// Out of memory, or more than 4 GiB of strings: the tree is incomplete.
    int failed;
    /// Names and namespace URIs stored, by the parser's pointer to them: libxml2 hands them over
    /// from its dictionary, where one name is one pointer, so a name used by many elements is
    /// stored once (and two elements of one name mostly share an offset). Direct-mapped.
    const xmlChar *name_keys[NEWSCONV_NAME_CACHE];
    uint32_t name_offsets[NEWSCONV_NAME_CACHE];
} newsconv_tree;

/// What a parser context's `_private` points to while newsconv parses: the error collector, and
/// the tree being built (NULL when libxml2 builds its own tree).
typedef struct {
    void *collector;
    newsconv_tree *tree;
} newsconv_parse_state;

static inline int newsconv_tree_reserve(void **buffer, int32_t *capacity, int32_t needed, size_t size) {
    if (needed <= *capacity) return 1;
    int64_t wanted = *capacity > 0 ? (int64_t) *capacity * 2 : 64;
    while (wanted < needed) wanted *= 2;
    if (wanted > INT32_MAX / 2) return 0;
    void *grown = realloc(*buffer, (size_t) wanted * size);
    if (grown == NULL) return 0;
    *buffer = grown;
    *capacity = (int32_t) wanted;
    return 1;
}

/// A new empty tree; `hint` is the size of the input, to size the buffers once.
static inline newsconv_tree *newsconv_tree_new(size_t hint) {
    newsconv_tree *tree = (newsconv_tree *) calloc(1, sizeof(newsconv_tree));
    if (tree == NULL) return NULL;
    tree->current = -1;
    tree->root = -1;
    size_t strings = hint + 256;
    if (strings > 1u << 24) strings = 1u << 24;
    tree->strings = (char *) malloc(strings);
    int32_t nodes = (int32_t) (strings / 48) + 16;
    tree->nodes = (newsconv_node *) malloc((size_t) nodes * sizeof(newsconv_node));
    if (tree->strings == NULL || tree->nodes == NULL) tree->failed = 1;
    tree->string_capacity = tree->strings ? (uint32_t) strings : 0;
    tree->node_capacity = tree->nodes ? nodes : 0;
    if (tree->strings) {
        tree->strings[0] = 0;
        tree->string_length = 1;
    }
    return tree;
}

/// Empties a tree for another document, keeping its buffers (a batch parses thousands of
/// documents of a similar size on each thread). Returns 0 when the tree is better freed: one
/// that grew large for a big document, or one that failed.
static inline int newsconv_tree_reset(newsconv_tree *tree) {
    if (tree->failed || tree->string_capacity > (1u << 20) || tree->node_capacity > 16384) return 0;
    tree->node_count = 0;
    tree->attribute_count = 0;
    tree->namespace_count = 0;
    tree->strings[0] = 0;
    tree->string_length = 1;
    tree->current = -1;
    tree->root = -1;
    memset(tree->name_keys, 0, sizeof(tree->name_keys));
    return 1;
}

static inline void newsconv_tree_free(newsconv_tree *tree) {
    if (tree == NULL) return;
    free(tree->nodes);
    free(tree->attributes);
    free(tree->namespaces);
    free(tree->strings);
    free(tree);
}

/// Stores `length` bytes and a NUL; returns their offset, 0 on failure.
static inline uint32_t newsconv_tree_bytes(newsconv_tree *tree, const void *bytes, size_t length) {
    if (tree->failed) return 0;
    uint64_t needed = (uint64_t) tree->string_length + length + 1;
    if (needed > UINT32_MAX) {
        tree->failed = 1;
        return 0;
    }
    if (needed > tree->string_capacity) {
        uint64_t wanted = tree->string_capacity > 0 ? (uint64_t) tree->string_capacity * 2 : 4096;
        while (wanted < needed) wanted *= 2;
        if (wanted > UINT32_MAX) wanted = UINT32_MAX;
        char *grown = (char *) realloc(tree->strings, (size_t) wanted);
        if (grown == NULL) {
            tree->failed = 1;
            return 0;
        }
        tree->strings = grown;
        tree->string_capacity = (uint32_t) wanted;
    }
    uint32_t offset = tree->string_length;
    if (length > 0) memcpy(tree->strings + offset, bytes, length);
    tree->strings[offset + length] = 0;
    tree->string_length = (uint32_t) needed;
    return offset;
}

static inline uint32_t newsconv_tree_string(newsconv_tree *tree, const xmlChar *string) {
    return string == NULL ? 0 : newsconv_tree_bytes(tree, string, strlen((const char *) string));
}

/// A name or namespace URI from the parser (whose pointers to names are stable for the parse),
/// stored once per pointer while the cache holds it.
static inline uint32_t newsconv_tree_name(newsconv_tree *tree, const xmlChar *name) {
    if (name == NULL) return 0;
    size_t slot = ((uintptr_t) name >> 3) % NEWSCONV_NAME_CACHE;
    if (tree->name_keys[slot] == name && tree->name_offsets[slot] != 0) return tree->name_offsets[slot];
    uint32_t offset = newsconv_tree_string(tree, name);
    tree->name_keys[slot] = name;
    tree->name_offsets[slot] = offset;
    return offset;
}

/// Appends a node as the last child of the current element (or as the root); its index, or -1.
static inline int32_t newsconv_tree_node(newsconv_tree *tree, int32_t kind) {
    if (tree->failed) return -1;
    if (!newsconv_tree_reserve((void **) &tree->nodes, &tree->node_capacity, tree->node_count + 1, sizeof(newsconv_node))) {
        tree->failed = 1;
        return -1;
    }
    int32_t index = tree->node_count++;
    newsconv_node *node = &tree->nodes[index];
    memset(node, 0, sizeof(newsconv_node));
    node->kind = kind;
    node->parent = tree->current;
    node->first_child = node->last_child = node->next = -1;
    if (tree->current >= 0) {
        newsconv_node *parent = &tree->nodes[tree->current];
        if (parent->last_child >= 0) tree->nodes[parent->last_child].next = index;
        else parent->first_child = index;
        parent->last_child = index;
    } else if (tree->root < 0 && kind == NEWSCONV_ELEMENT) {
        tree->root = index;
    }
    return index;
}

static inline int32_t newsconv_tree_attribute(newsconv_tree *tree) {
    if (tree->failed) return -1;
    if (!newsconv_tree_reserve((void **) &tree->attributes, &tree->attribute_capacity, tree->attribute_count + 1, sizeof(newsconv_attribute))) {
        tree->failed = 1;
        return -1;
    }
    return tree->attribute_count++;
}

static inline int32_t newsconv_tree_namespace(newsconv_tree *tree, uint32_t prefix, uint32_t href) {
    if (tree->failed) return -1;
    if (!newsconv_tree_reserve((void **) &tree->namespaces, &tree->namespace_capacity, tree->namespace_count + 1, sizeof(newsconv_namespace))) {
        tree->failed = 1;
        return -1;
    }
    tree->namespaces[tree->namespace_count].prefix = prefix;
    tree->namespaces[tree->namespace_count].href = href;
    return tree->namespace_count++;
}

/// Text: merged into the current element's last child when that is the text stored last.
static inline void newsconv_tree_text(newsconv_tree *tree, const xmlChar *text, size_t length) {
    if (tree->failed || tree->current < 0) return;
    int32_t last = tree->nodes[tree->current].last_child;
    if (last >= 0) {
        newsconv_node *previous = &tree->nodes[last];
        if (previous->kind == NEWSCONV_TEXT && previous->text + previous->text_length + 1 == tree->string_length) {
            // Its NUL is the last byte stored: overwritten by the new bytes.
            tree->string_length -= 1;
            uint32_t added = newsconv_tree_bytes(tree, text, length);
            if (added == 0) return;
            tree->nodes[last].text_length += (uint32_t) length;
            return;
        }
    }
    uint32_t offset = newsconv_tree_bytes(tree, text, length);
    int32_t index = newsconv_tree_node(tree, NEWSCONV_TEXT);
    if (index < 0) return;
    tree->nodes[index].text = offset;
    tree->nodes[index].text_length = (uint32_t) length;
}

/// An attribute value as the parser hands it over when entities are not substituted: `&#38;` for
/// a `&`, `&name;` for a reference to an entity of the DTD. The references are replaced by the
/// entity's text when that holds no further reference, else kept as written (never expanded
/// further: a hostile DTD's nested entities would grow without bound).
static inline uint32_t newsconv_tree_value(newsconv_tree *tree, xmlDocPtr doc, const xmlChar *value, size_t length, uint32_t *stored) {
    if (memchr(value, '&', length) == NULL) {
        *stored = (uint32_t) length;
        return newsconv_tree_bytes(tree, value, length);
    }
    *stored = 0;
    uint32_t offset = newsconv_tree_bytes(tree, "", 0);
    if (offset == 0) return 0;
    tree->string_length -= 1;
    size_t i = 0;
    while (i < length) {
        const xmlChar *amp = (const xmlChar *) memchr(value + i, '&', length - i);
        size_t run = amp ? (size_t) (amp - (value + i)) : length - i;
        if (run > 0) {
            if (newsconv_tree_bytes(tree, value + i, run) == 0) return 0;
            tree->string_length -= 1;
        }
        if (amp == NULL) break;
        i += run;
        const xmlChar *semicolon = (const xmlChar *) memchr(value + i, ';', length - i);
        size_t end = semicolon ? (size_t) (semicolon - value) + 1 : length;
        const xmlChar *replacement = value + i;
        size_t replacementLength = end - i;
        if (end - i == 5 && memcmp(value + i, "&#38;", 5) == 0) {
            replacement = (const xmlChar *) "&";
            replacementLength = 1;
        } else if (semicolon != NULL && doc != NULL && end - i > 2) {
            xmlChar *name = xmlStrndup(value + i + 1, (int) (end - i - 2));
            xmlEntityPtr entity = name ? xmlGetDocEntity(doc, name) : NULL;
            if (name) xmlFree(name);
            if (entity != NULL && entity->content != NULL && xmlStrchr(entity->content, '&') == NULL) {
                replacement = entity->content;
                replacementLength = (size_t) xmlStrlen(entity->content);
            }
        }
        if (newsconv_tree_bytes(tree, replacement, replacementLength) == 0) return 0;
        tree->string_length -= 1;
        i = end;
    }
    // The NUL after the value.
    if (newsconv_tree_bytes(tree, "", 0) == 0) return 0;
    *stored = (uint32_t) strlen(tree->strings + offset);
    return offset;
}

static inline uint32_t newsconv_tree_value_length(newsconv_tree *tree, uint32_t offset) {
    return (uint32_t) strlen(tree->strings + offset);
}

// MARK: Building from the parser's SAX events

static inline newsconv_tree *newsconv_state_tree(void *ctx) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr) ctx;
    newsconv_parse_state *state = (newsconv_parse_state *) ctxt->_private;
    return state != NULL ? state->tree : NULL;
}

static inline void newsconv_lean_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI,
                                       int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                                       const xmlChar **attributes) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr) ctx;
    if (ctxt->node != NULL) {
        // libxml2 parses an entity's replacement text into a scratch node of its own (the lean
        // tree never sets `node`): that stays libxml2's business.
        xmlSAX2StartElementNs(ctx, localname, prefix, URI, nb_namespaces, namespaces, nb_attributes, nb_defaulted, attributes);
        return;
    }
    newsconv_tree *tree = newsconv_state_tree(ctx);
    if (tree == NULL || tree->failed) return;
    int32_t index = newsconv_tree_node(tree, NEWSCONV_ELEMENT);
    if (index < 0) return;
    uint32_t name = newsconv_tree_name(tree, localname);
    uint32_t prefixOffset = newsconv_tree_name(tree, prefix);
    uint32_t href = newsconv_tree_name(tree, URI);
    int32_t firstNamespace = tree->namespace_count;
    for (int i = 0; i < nb_namespaces; i++) {
        const xmlChar *declared = namespaces[2 * i + 1];
        newsconv_tree_namespace(tree, newsconv_tree_name(tree, namespaces[2 * i]), declared ? newsconv_tree_name(tree, declared) : newsconv_tree_bytes(tree, "", 0));
    }
    int32_t firstAttribute = tree->attribute_count;
    for (int i = 0; i < nb_attributes; i++) {
        const xmlChar **attribute = attributes + 5 * i;
        int32_t at = newsconv_tree_attribute(tree);
        if (at < 0) return;
        newsconv_attribute *stored = &tree->attributes[at];
        stored->name = newsconv_tree_name(tree, attribute[0]);
        stored->prefix = newsconv_tree_name(tree, attribute[1]);
        stored->href = newsconv_tree_name(tree, attribute[2]);
        uint32_t length = 0;
        uint32_t value = newsconv_tree_value(tree, ctxt->myDoc, attribute[3], (size_t) (attribute[4] - attribute[3]), &length);
        stored = &tree->attributes[at];
        stored->value = value;
        stored->value_length = tree->failed ? 0 : length;
    }
    if (tree->failed) return;
    newsconv_node *node = &tree->nodes[index];
    node->name = name;
    node->prefix = prefixOffset;
    node->href = href;
    node->line = ctxt->input != NULL ? ctxt->input->line : 0;
    node->namespaces = firstNamespace;
    node->namespace_count = tree->namespace_count - firstNamespace;
    node->attributes = firstAttribute;
    node->attribute_count = tree->attribute_count - firstAttribute;
    node->source_begin = newsconv_start_offset(ctxt);
    tree->current = index;
}

static inline void newsconv_lean_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI) {
    if (((xmlParserCtxtPtr) ctx)->node != NULL) {
        xmlSAX2EndElementNs(ctx, localname, prefix, URI);
        return;
    }
    newsconv_tree *tree = newsconv_state_tree(ctx);
    if (tree == NULL || tree->failed || tree->current < 0) return;
    newsconv_node *node = &tree->nodes[tree->current];
    if (node->source_begin != 0) node->source_end = newsconv_end_offset((xmlParserCtxtPtr) ctx);
    tree->current = node->parent;
}

static inline void newsconv_lean_characters(void *ctx, const xmlChar *text, int length) {
    if (((xmlParserCtxtPtr) ctx)->node != NULL) {
        xmlSAX2Characters(ctx, text, length);
        return;
    }
    newsconv_tree *tree = newsconv_state_tree(ctx);
    if (tree == NULL || length <= 0) return;
    newsconv_tree_text(tree, text, (size_t) length);
}

static inline void newsconv_lean_reference(void *ctx, const xmlChar *name) {
    if (((xmlParserCtxtPtr) ctx)->node != NULL) {
        xmlSAX2Reference(ctx, name);
        return;
    }
    newsconv_tree *tree = newsconv_state_tree(ctx);
    if (tree == NULL || tree->failed || tree->current < 0 || name == NULL) return;
    uint32_t offset = newsconv_tree_string(tree, name);
    int32_t index = newsconv_tree_node(tree, NEWSCONV_ENTITY_REFERENCE);
    if (index >= 0) tree->nodes[index].name = offset;
}

/// Makes a parser context build a lean tree (into its state's `tree`), or libxml2's own tree.
static inline void newsconv_build_lean(xmlParserCtxtPtr ctxt, int lean) {
    if (ctxt == NULL || ctxt->sax == NULL || ctxt->sax->initialized != XML_SAX2_MAGIC) return;
    if (lean) {
        ctxt->sax->startElementNs = newsconv_lean_start;
        ctxt->sax->endElementNs = newsconv_lean_end;
        ctxt->sax->characters = newsconv_lean_characters;
        ctxt->sax->ignorableWhitespace = newsconv_lean_characters;
        ctxt->sax->cdataBlock = newsconv_lean_characters;
        ctxt->sax->reference = newsconv_lean_reference;
        ctxt->sax->comment = NULL;
        ctxt->sax->processingInstruction = NULL;
    } else {
        ctxt->sax->startElementNs = xmlSAX2StartElementNs;
        ctxt->sax->endElementNs = xmlSAX2EndElementNs;
        ctxt->sax->characters = xmlSAX2Characters;
        ctxt->sax->ignorableWhitespace = xmlSAX2Characters;
        ctxt->sax->cdataBlock = xmlSAX2CDataBlock;
        ctxt->sax->reference = xmlSAX2Reference;
        ctxt->sax->comment = xmlSAX2Comment;
        ctxt->sax->processingInstruction = xmlSAX2ProcessingInstruction;
    }
}

// MARK: Building from libxml2 nodes

/// An attribute's value: its text, with entity references as in ``newsconv_tree_value``.
static inline uint32_t newsconv_tree_node_value(newsconv_tree *tree, xmlAttrPtr attribute) {
    xmlNodePtr child = attribute->children;
    if (child != NULL && child->next == NULL && child->type == XML_TEXT_NODE && child->content != NULL) {
        return newsconv_tree_string(tree, child->content);
    }
    uint32_t offset = newsconv_tree_bytes(tree, "", 0);
    if (offset == 0) return 0;
    for (; child != NULL; child = child->next) {
        const xmlChar *text = NULL;
        if (child->type == XML_TEXT_NODE) {
            text = child->content;
        } else if (child->type == XML_ENTITY_REF_NODE) {
            xmlEntityPtr entity = xmlGetDocEntity(attribute->doc, child->name);
            if (entity != NULL && entity->content != NULL && xmlStrchr(entity->content, '&') == NULL) text = entity->content;
        }
        if (text == NULL) continue;
        tree->string_length -= 1;
        if (newsconv_tree_string(tree, text) == 0) return 0;
    }
    return offset;
}

/// The prefixes the ancestors of `top` declare, innermost first, added to the declarations of
/// the copy of `top` (those from `first` on) unless a nearer one declares the same prefix: the
/// copy of a subtree keeps every prefix in scope (attributes and QName values use them).
static inline void newsconv_tree_inherit_prefixes(newsconv_tree *tree, xmlNodePtr top, int32_t first) {
    for (xmlNodePtr up = top->parent; up != NULL && up->type == XML_ELEMENT_NODE && !tree->failed; up = up->parent) {
        for (xmlNsPtr ns = up->nsDef; ns != NULL; ns = ns->next) {
            if (ns->prefix == NULL || ns->href == NULL || xmlStrEqual(ns->prefix, (const xmlChar *) "xml")) continue;
            int known = 0;
            for (int32_t i = first; i < tree->namespace_count && !known; i++) {
                uint32_t prefix = tree->namespaces[i].prefix;
                known = prefix != 0 && strcmp(tree->strings + prefix, (const char *) ns->prefix) == 0;
            }
            if (!known) newsconv_tree_namespace(tree, newsconv_tree_string(tree, ns->prefix), newsconv_tree_string(tree, ns->href));
        }
    }
}

/// Appends an element and its content (libxml2 nodes) under the current element, walking the
/// nodes without recursion (an HTML document may nest deeper than a thread's stack allows).
/// libxml2's nodes hold no source ranges: the copies have none.
static inline void newsconv_tree_add(newsconv_tree *tree, xmlNodePtr top) {
    if (top == NULL || top->type != XML_ELEMENT_NODE) return;
    int32_t outer = tree->current;
    xmlNodePtr node = top;
    while (node != NULL && !tree->failed) {
        int descend = 0;
        if (node->type == XML_ELEMENT_NODE) {
            int32_t index = newsconv_tree_node(tree, NEWSCONV_ELEMENT);
            if (index < 0) return;
            uint32_t name = newsconv_tree_string(tree, node->name);
            uint32_t prefix = node->ns != NULL ? newsconv_tree_string(tree, node->ns->prefix) : 0;
            uint32_t href = node->ns != NULL ? newsconv_tree_name(tree, node->ns->href) : 0;
            int32_t firstNamespace = tree->namespace_count;
            for (xmlNsPtr ns = node->nsDef; ns != NULL; ns = ns->next) {
                newsconv_tree_namespace(tree, newsconv_tree_string(tree, ns->prefix), ns->href ? newsconv_tree_string(tree, ns->href) : newsconv_tree_bytes(tree, "", 0));
            }
            if (node == top) newsconv_tree_inherit_prefixes(tree, top, firstNamespace);
            int32_t firstAttribute = tree->attribute_count;
            for (xmlAttrPtr attribute = node->properties; attribute != NULL; attribute = attribute->next) {
                int32_t at = newsconv_tree_attribute(tree);
                if (at < 0) return;
                uint32_t attributeName = newsconv_tree_string(tree, attribute->name);
                uint32_t attributePrefix = attribute->ns != NULL ? newsconv_tree_string(tree, attribute->ns->prefix) : 0;
                uint32_t attributeHref = attribute->ns != NULL ? newsconv_tree_name(tree, attribute->ns->href) : 0;
                uint32_t value = newsconv_tree_node_value(tree, attribute);
                if (tree->failed) return;
                newsconv_attribute *stored = &tree->attributes[at];
                stored->name = attributeName;
                stored->prefix = attributePrefix;
                stored->href = attributeHref;
                stored->value = value;
                stored->value_length = newsconv_tree_value_length(tree, value);
            }
            if (tree->failed) return;
            newsconv_node *stored = &tree->nodes[index];
            stored->name = name;
            stored->prefix = prefix;
            stored->href = href;
            stored->line = (int32_t) xmlGetLineNo(node);
            stored->namespaces = firstNamespace;
            stored->namespace_count = tree->namespace_count - firstNamespace;
            stored->attributes = firstAttribute;
            stored->attribute_count = tree->attribute_count - firstAttribute;
            tree->current = index;
            descend = node->children != NULL;
        } else if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) && node->content != NULL) {
            newsconv_tree_text(tree, node->content, strlen((const char *) node->content));
        } else if (node->type == XML_ENTITY_REF_NODE && node->name != NULL) {
            uint32_t offset = newsconv_tree_string(tree, node->name);
            int32_t index = newsconv_tree_node(tree, NEWSCONV_ENTITY_REFERENCE);
            if (index >= 0) tree->nodes[index].name = offset;
        }
        if (descend) {
            node = node->children;
            continue;
        }
        // A childless element is closed at once; then up to the next sibling, closing each
        // element whose children are done; never above `top`.
        if (node->type == XML_ELEMENT_NODE) tree->current = tree->nodes[tree->current].parent;
        while (node != top && node->next == NULL) {
            node = node->parent;
            tree->current = tree->nodes[tree->current].parent;
        }
        if (node == top) break;
        node = node->next;
    }
    tree->current = outer;
}

#endif
