#!/usr/bin/env python3
"""The fidelity oracle: reads the facts of news documents without newsconv's importers.

For every NewsML-G2, NewsML 1.2, NITF, ninjs and wire document of a corpus, it reads the source's facts with
its own readers (lxml XPath for XML, the json module for ninjs, plain lines for wire text), has
newsconv convert the document to newsconv JSON, NITF and NewsML-G2, reads the same facts back
from each output with the same independent readers, and counts each fact's fate:

  kept      the target holds the fact with the same value
  changed   the target holds the fact under the same key with another value
  lost      the target can hold the fact but does not
  n/a       the target format has no place for the fact
  invented  the target holds a fact that no source had

It writes the table as Markdown (`--write FILE`) or compares it with a committed table
(`--check FILE`), failing on any regression: a kept count lower, or a changed, lost or invented
count higher, than the committed one. `--details` lists every fact that is not kept.

Nothing here imports newsconv code: the readers follow the standards (NewsML-G2 2.x, NITF 3.x,
ninjs 1-3), not newsconv's mapping.
"""

import argparse
import collections
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

from lxml import etree

XML_NS = "http://www.w3.org/XML/1998/namespace"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True)

# The facts each target format has a place for. A fact of any other key is "n/a" there.
ALL_KEYS = [
    "id", "version", "language", "headline", "subheadline", "byline", "creator", "contributor", "dateline",
    "located", "slugline", "firstCreated", "versionCreated", "contentCreated", "contentModified", "embargoed",
    "expires", "urgency", "priority", "provider", "subject", "genre", "keyword", "paragraph", "cell", "link",
    "media", "itemRef", "heading", "copyrightHolder", "copyrightNotice", "usageTerms", "edNote", "description:summary",
    "description:caption", "description:other", "creditline", "du-key", "endLine", "text-line",
]
SUPPORTS = {
    "json": set(ALL_KEYS) - {"text-line"},
    "newsml-g2": set(ALL_KEYS) - {"text-line"},
    # NITF 3.6 has no element for these.
    "nitf": set(ALL_KEYS) - {"text-line", "version", "creator", "contributor", "firstCreated", "contentCreated",
                             "contentModified", "priority", "creditline", "description:caption", "description:other",
                             "media"},
}
TARGETS = ["json", "nitf", "newsml-g2"]
# Facts a target's schema requires: one that the source lacks may be supplied, with a warning that
# names it (newsconv's stderr); it counts as "required", and as invented without the warning.
REQUIRED = {"newsml-g2": {"provider", "versionCreated", "id"}, "nitf": set(), "json": set()}
# How newsconv's warning names each required fact it supplies (`id` alone would match any word).
REQUIRED_WARNING = {"provider": r"provider", "versionCreated": r"versionCreated", "id": r"has no id"}


def norm(text):
    return re.sub(r"\s+", " ", text or "").strip()


def local(element):
    return etree.QName(element).localname if isinstance(element.tag, str) else None


def children(element, name):
    return [c for c in element if local(c) == name]


def first(element, name):
    found = children(element, name) if element is not None else []
    return found[0] if found else None


def descendants(element, name):
    return [e for e in element.iter() if local(e) == name]


def text_of(element):
    return norm("".join(element.itertext())) if element is not None else ""


def date_value(value):
    """A date as an instant in UTC when it has a time and a zone; else as written, normalized."""
    value = norm(value)
    if not value:
        return None
    spelled = value.replace(" ", "T", 1) if re.match(r"^\d{4}-\d\d-\d\d \d", value) else value
    basic = re.match(r"^(\d{4})(\d\d)(\d\d)T?(\d\d)(\d\d)(\d\d)?([+-]\d\d:?\d\d|Z)?$", spelled)
    if basic:
        y, mo, d, h, mi, s, z = basic.groups()
        spelled = f"{y}-{mo}-{d}T{h}:{mi}:{s or '00'}{z or ''}"
    try:
        moment = datetime.datetime.fromisoformat(spelled.replace("Z", "+00:00"))
    except ValueError:
        return value
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%dT%H:%M:%S") if "T" in spelled else moment.strftime("%Y-%m-%d")
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def code(qcode):
    return (qcode or "").rsplit(":", 1)[-1].lower()


def description_key(role):
    role_code = code(role)
    if role is None or role_code in ("summary", "abstract", "synopsis"):
        return "description:summary"
    if role_code == "caption":
        return "description:caption"
    return "description:other"


def genre_value(name, identity):
    """A genre as every format can name it: its name in words where it has one (NITF names
    genres), else its code without IPTC's `genre:` scheme (whose codes are their names)."""
    if name:
        return name
    for scheme in ("genre:", "http://cv.iptc.org/newscodes/genre/"):
        if identity and identity.startswith(scheme):
            return identity[len(scheme):]
    return identity


def concept_value(element):
    """A concept's identity: its qcode, else URI, else literal, else name."""
    for attribute in ("qcode", "uri", "literal"):
        if element.get(attribute):
            return element.get(attribute)
    name = first(element, "name")
    return text_of(name) or None


# Scheme aliases to scheme URIs, from IPTC's G2 catalog (read by `load_catalog`): NewsML-G2 defines a
# qcode `alias:code` as the same concept as the URI `scheme-uri` + `code`, so one concept written as a
# qcode in one format and as a URI, or ninjs's scheme and code, in another is one fact.
SCHEME_URIS = {}


def load_catalog(path):
    if path and os.path.exists(path):
        for scheme in etree.parse(path, PARSER).getroot().iter("{*}scheme"):
            if scheme.get("alias") and scheme.get("uri"):
                SCHEME_URIS[scheme.get("alias")] = scheme.get("uri")


def subject_identity(qcode=None, uri=None, literal=None, name=None):
    """A subject's identity as a URI where the standards give it one, else its qcode, literal or name."""
    if uri:
        return uri
    if qcode:
        alias, _, rest = qcode.partition(":")
        return SCHEME_URIS[alias] + rest if rest and alias in SCHEME_URIS else qcode
    return literal or name


def g2_subject(element):
    if element.get("qcode") or element.get("uri") or element.get("literal"):
        return subject_identity(element.get("qcode"), element.get("uri"), element.get("literal"))
    return concept_value(element)


class Facts:
    def __init__(self):
        self.items = collections.defaultdict(list)

    # Kinds of fact that may repeat: the same paragraph twice is two paragraphs, the same
    # dateline in contentMeta and in the body is one dateline.
    REPEATABLE = {"paragraph", "cell", "link", "media"}

    def add(self, key, value):
        if value is None:
            return
        value = norm(str(value))
        if key.startswith("description:") and "<" in value and ">" in value:
            # A description's fact is its text: markup (a caption in HTML) is not compared.
            tree = etree.fromstring(f"<div>{value}</div>".encode(), etree.HTMLParser(no_network=True, encoding="utf-8"))
            value = norm("".join(tree.itertext()))
        if value and (key in self.REPEATABLE or value not in self.items[key]):
            self.items[key].append(value)


# ---------------------------------------------------------------------------------------------
# NewsML-G2

def tagline_lines(tagline):
    """A tagline's lines: its text split at `br`."""
    lines, current = [], [tagline.text or ""]
    for child in tagline:
        if local(child) == "br":
            lines.append(norm("".join(current)))
            current = [child.tail or ""]
        else:
            current.append("".join(child.itertext()))
            current.append(child.tail or "")
    lines.append(norm("".join(current)))
    return [line for line in lines if line]


def body_facts(facts, body):
    """Paragraphs, table cells and links of an NITF or XHTML body (story sections only)."""
    skipped = {"header", "nav", "aside", "footer", "body.head", "body.end", "head"}

    def walk(element):
        name = local(element)
        # End matter (a sign-off, trailers such as desk initials or a reporting credit): NITF's
        # taglines, one line each between `br`s; in HTML, newsconv's `p class="signoff"` and a
        # footer's `p class="trailer"`.
        if name == "body.end":
            for tagline in descendants(element, "tagline"):
                for line in tagline_lines(tagline):
                    facts.add("endLine", line)
            return
        if name == "footer":
            for paragraph in descendants(element, "p"):
                if paragraph.get("class") == "trailer":
                    facts.add("endLine", text_of(paragraph))
            return
        if name == "p" and element.get("class") == "signoff":
            facts.add("endLine", text_of(element))
            return
        if name is None or name in skipped:
            return
        if name in ("figure", "media", "caption", "media-caption"):
            return  # a picture with its caption, not story text
        if name in ("h1", "h2", "h3", "h4", "h5", "h6", "hl2"):
            facts.add("heading", text_of(element))
            return
        if name == "pre":
            facts.add("paragraph", text_of(element))
            return
        if name == "p" and any(local(child) in ("figure", "table", "ul", "ol", "blockquote", "div") for child in element):
            # HTML parsers leave a block inside the paragraph that held it: its parts count.
            loose = norm((element.text or "") + "".join(child.tail or "" for child in element))
            facts.add("paragraph", loose or None)
            for child in element:
                walk(child)
            return
        if name == "p":
            # dpa marks the dateline inside the first paragraph (`span class="dateline"`): it is
            # the dateline, not paragraph text.
            paragraph = []
            for part in element.iter():
                if part is not element and isinstance(part.tag, str) and part.get("class") == "dateline":
                    facts.add("dateline", text_of(part))
            def text_without_dateline(node):
                if isinstance(node.tag, str) and node.get("class") == "dateline" and node is not element:
                    return node.tail or ""
                if local(node) == "br":
                    return " " + (node.tail or "")  # a line break parts the words around it
                inner = (node.text or "") + "".join(text_without_dateline(child) for child in node)
                return inner + (node.tail or "" if node is not element else "")
            paragraph.append(text_without_dateline(element))
            facts.add("paragraph", norm("".join(paragraph)))
            for link in descendants(element, "a"):
                facts.add("link", link.get("href"))
            return
        if name in ("td", "th"):
            facts.add("cell", text_of(element))
            return
        if name == "a":
            facts.add("link", element.get("href"))
        if name in INLINE:
            for child in element:
                walk(child)
            return
        # A container (div, blockquote, li, section, body): its text outside block children —
        # a run of text and inline elements between blocks — is story text too.
        run = [element.text or ""]
        for child in element:
            if local(child) in INLINE:
                run.append("".join(child.itertext()))
                run.append(child.tail or "")
                walk(child)
            else:
                facts.add("paragraph", norm("".join(run)) or None)
                walk(child)
                run = [child.tail or ""]
        facts.add("paragraph", norm("".join(run)) or None)

    walk(body)


# Inline markup of XHTML and NITF bodies: part of the text around it, not a block.
INLINE = {"a", "em", "i", "strong", "b", "span", "q", "code", "br", "sub", "sup", "u", "small", "abbr", "time", "mark",
          "person", "org", "location", "event", "object.title", "function", "chron", "money", "num", "classifier",
          "copyrite", "pronounce", "lang", "virtloc", "alt-code", "frac", "city", "state", "region", "country"}


def g2_item_facts(item, priority):
    facts = Facts()
    facts.add("id", item.get("guid"))
    facts.add("version", item.get("version"))
    meta = first(item, "itemMeta")
    content = first(item, "contentMeta")
    language = item.get(f"{{{XML_NS}}}lang")
    if language is None and content is not None and first(content, "language") is not None:
        language = first(content, "language").get("tag")
    facts.add("language", language)
    facts.add("priority", priority)
    rights = first(item, "rightsInfo")
    if rights is not None:
        for holder in children(rights, "copyrightHolder"):
            facts.add("copyrightHolder", text_of(first(holder, "name")) or holder.get("literal") or holder.get("qcode") or holder.get("uri"))
        for notice in children(rights, "copyrightNotice"):
            facts.add("copyrightNotice", text_of(notice))
        for terms in children(rights, "usageTerms"):
            facts.add("usageTerms", text_of(terms))
    if meta is not None:
        for name in ("versionCreated", "firstCreated", "embargoed", "expires"):
            for element in children(meta, name):
                facts.add(name, date_value(text_of(element)))
        for provider in children(meta, "provider"):
            facts.add("provider", concept_value(provider))
        for note in children(meta, "edNote"):
            facts.add("edNote", text_of(note))
        # Media that go with a story (a text or composite item), linked as IPTC's examples do (LISTING 5): the item by
        # `residref`, each file by `href`, a caption as the link's description. (A picture's or
        # video's own files are its contentSet; a link of theirs is to a page, not a media fact.)
        linked = collections.defaultdict(list)
        is_text = any(c.get("qcode") in ("ninat:text", "ninat:composite") for c in children(meta, "itemClass"))
        for link in children(meta, "link") if is_text else []:
            if link.get("rel") == "irel:associatedWith":
                facts.add("itemRef", link.get("residref"))
                linked[link.get("residref") or link.get("href")].append(link.get("href"))
                for description in children(link, "description"):
                    facts.add(description_key(description.get("role")), text_of(description))
        for hrefs in linked.values():
            for href in dict.fromkeys(h for h in hrefs if h):
                facts.add("media", href)
    if content is not None:
        for name in ("contentCreated", "contentModified"):
            for element in children(content, name):
                facts.add(name, date_value(text_of(element)))
        for element in children(content, "urgency"):
            facts.add("urgency", text_of(element))
        for headline in children(content, "headline"):
            role = headline.get("role")
            facts.add("subheadline" if role and "sub" in code(role) else "headline", text_of(headline))
        for name in ("slugline", "dateline", "creditline"):
            for element in children(content, name):
                facts.add(name, text_of(element))
        for by in children(content, "by"):
            facts.add("byline", text_of(by))
        for name in ("creator", "contributor"):
            for party in children(content, name):
                facts.add(name, text_of(first(party, "name")) or party.get("literal") or party.get("qcode") or party.get("uri"))
        for located in children(content, "located"):
            facts.add("located", text_of(first(located, "name")) or concept_value(located))
        for subject in children(content, "subject"):
            facts.add("subject", g2_subject(subject))
        for genre in children(content, "genre"):
            facts.add("genre", genre_value(text_of(first(genre, "name")), concept_value(genre)))
        for keyword in children(content, "keyword"):
            facts.add("keyword", text_of(keyword))
        for description in children(content, "description"):
            facts.add(description_key(description.get("role")), text_of(description))
        # G2 has no element for NITF's du-key: newsconv writes it as an extension property of its own relation.
        relation = "urn:newsconv:nitf:du-key"
        properties = [(p.get("reluri"), p.get("value")) for p in children(content, "contentMetaExtProperty")]
        for index, (uri, value) in enumerate(properties):
            if uri and uri.startswith(EXTENSION_RELATION) and value is not None:
                extension_fact(facts, uri[len(EXTENSION_RELATION):], value)
            if uri == relation:
                version = next((v for u, v in properties[index + 1:index + 4] if u == relation + ":version"), None)
                if version:
                    facts.add("du-key", f"{value}|{version}")
    content_set = first(item, "contentSet")
    if content_set is not None:
        for inline in children(content_set, "inlineXML"):
            for root in inline:
                if local(root) == "nitf":
                    for body in descendants(root, "body.content") + descendants(root, "body.end"):
                        body_facts(facts, body)
                    # The inline NITF's printed heads stand for contentMeta's when it has none.
                    for name, key, path in (("by", "byline", "byline"), ("headline", "headline", "hl1"), ("dateline", "dateline", "dateline")):
                        if content is None or not children(content, name):
                            for element in descendants(root, path):
                                if local(element.getparent()) in ("body.head", "hedline"):
                                    facts.add(key, printed_text(element) if key == "dateline" else text_of(element))
                elif local(root) in ("html", "body") or etree.QName(root).namespace == "http://www.w3.org/1999/xhtml":
                    bodies = descendants(root, "body") or [root]
                    body_facts(facts, bodies[0])
            break
        for data in children(content_set, "inlineData")[:1]:
            # Plain text: paragraphs at blank lines.
            for block in re.split(r"\n\s*\n", data.text or ""):
                facts.add("paragraph", norm(block) or None)
        for remote in children(content_set, "remoteContent"):
            facts.add("media", remote.get("href") or remote.get("residref"))
    group_set = first(item, "groupSet")
    if group_set is not None:
        for ref in descendants(group_set, "itemRef"):
            facts.add("itemRef", ref.get("residref") or ref.get("href"))
            # The reference's locator of the item: one of its files.
            if ref.get("residref") and ref.get("href"):
                facts.add("media", ref.get("href"))
            for description in children(ref, "description"):
                facts.add("description:caption", text_of(description))
    return facts


def parse_xml(path):
    """The document's root. A file that declares ISO-8859-1 but whose bytes are UTF-8 (as some
    agencies send) is read as UTF-8, as a person reading it would."""
    with open(path, "rb") as handle:
        data = handle.read()
    declared = re.match(rb"<\?xml[^>]*encoding=[\"']([^\"']+)", data.lstrip(b"\xef\xbb\xbf"))
    if declared and declared.group(1).lower() in (b"iso-8859-1", b"latin-1", b"latin1") and re.search(rb"[\x80-\xff]", data):
        try:
            data.decode("utf-8")
            return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True, encoding="utf-8"))
        except UnicodeDecodeError:
            pass
    return etree.fromstring(data, PARSER)


def g2_facts(path):
    root = parse_xml(path)
    if local(root) == "newsMessage":
        header = first(root, "header")
        priority = text_of(first(header, "priority")) if header is not None else None
        items = [e for e in descendants(root, "newsItem") + descendants(root, "packageItem")]
        items.sort(key=lambda e: e.sourceline or 0)
        return [g2_item_facts(item, priority) for item in items]
    if local(root) in ("newsItem", "packageItem"):
        return [g2_item_facts(root, None)]
    return []


# ---------------------------------------------------------------------------------------------
# NITF

def nitf_facts(path):
    root = parse_xml(path)
    if local(root) != "nitf":
        return []
    facts = Facts()
    facts.add("language", root.get("baselang") or root.get(f"{{{XML_NS}}}lang"))
    head = first(root, "head")
    body = first(root, "body")
    docdata = first(head, "docdata") if head is not None else None
    if docdata is not None:
        for doc_id in children(docdata, "doc-id"):
            facts.add("id", doc_id.get("id-string"))
        # The DTD puts urgency in docdata; Canadian Press writes it in head.
        for urgency in children(docdata, "urgency") + (children(head, "urgency") if head is not None else []):
            facts.add("urgency", urgency.get("ed-urg"))
        for name, key in (("date.issue", "versionCreated"), ("date.expire", "expires")):
            for element in children(docdata, name):
                facts.add(key, date_value(element.get("norm")))
        # A release time is an embargo when the status says so or it differs from the issue time
        # (AAP writes its issue time as the release time too).
        issue = first(docdata, "date.issue")
        for release in children(docdata, "date.release"):
            if docdata.get("management-status") == "embargoed" or issue is None or release.get("norm") != issue.get("norm"):
                facts.add("embargoed", date_value(release.get("norm")))
        for holder in children(docdata, "doc.copyright"):
            facts.add("copyrightHolder", holder.get("holder"))
        for rights in children(docdata, "doc.rights"):
            facts.add("usageTerms", rights.get("limitations"))
        for keyword in descendants(docdata, "keyword"):
            # The DTD puts the keyword in @key; Canadian Press writes it as the text.
            facts.add("keyword", keyword.get("key") or text_of(keyword) or None)
        # `evloc` is "where an event took place (as opposed to where the story was written)": a
        # place the story is about. Where the dateline locates no place, it is the only element
        # NITF has for the story's place, and is read as the located place.
        body_head = first(body, "body.head") if body is not None else None
        datelines = children(body_head, "dateline") if body_head is not None else []
        dateline_locates = any(descendants(dateline, "location") for dateline in datelines)
        for evloc in children(docdata, "evloc"):
            place = evloc.get("city") or evloc.get("state-prov") or evloc.get("county-dist") or evloc.get("iso-cc")
            if dateline_locates:
                facts.add("subject", subject_identity(name=place))
            else:
                facts.add("located", place)
        for message in children(docdata, "ed-msg"):
            facts.add("edNote", message.get("info"))
        # A du-key is a slugline where it has no version (agencies write the slug there), a
        # versioned key that groups a story's versions where it has one.
        for key in children(docdata, "du-key"):
            if key.get("version"):
                facts.add("du-key", f"{key.get('key')}|{key.get('version')}")
            else:
                facts.add("slugline", key.get("key"))
        content = first(docdata, "identified-content")
        if content is not None:
            for element in content:
                if local(element) in ("person", "org", "location", "classifier"):
                    value = element.get("value") or element.get("location-code") or text_of(element)
                    if element.get("type") == "genre":
                        facts.add("genre", genre_value(text_of(element), value))
                    else:
                        facts.add("subject", value if value is None or "://" in value else subject_identity(value))
    if head is not None:
        # The document's title is its headline where the body names none.
        body_head = first(body, "body.head") if body is not None else None
        if body_head is None or not descendants(body_head, "hl1"):
            for title in children(head, "title"):
                facts.add("headline", text_of(title))
        for meta in children(head, "meta"):
            if meta.get("name") == "anpa-keyword":
                facts.add("slugline", meta.get("content"))
            elif meta.get("content") is not None:
                extension_fact(facts, meta.get("name") or "", meta.get("content"))
        for tobject in children(head, "tobject"):
            for subject in children(tobject, "tobject.subject"):
                refnum = subject.get("tobject.subject.refnum")
                ipr = subject.get("tobject.subject.ipr")
                if refnum:
                    facts.add("subject", subject_identity(f"subj:{refnum}" if ipr in (None, "IPTC") else f"{ipr}:{refnum}"))
            for prop in children(tobject, "tobject.property"):
                facts.add("genre", prop.get("tobject.property.type"))
    if body is not None:
        body_head = first(body, "body.head")
        if body_head is not None:
            for hedline in children(body_head, "hedline"):
                for hl1 in children(hedline, "hl1"):
                    facts.add("headline", text_of(hl1))
                for hl2 in children(hedline, "hl2"):
                    facts.add("subheadline", text_of(hl2))
            for byline in children(body_head, "byline"):
                facts.add("byline", text_of(byline))
            for dateline in children(body_head, "dateline"):
                facts.add("dateline", printed_text(dateline))
                for location in descendants(dateline, "location"):
                    facts.add("located", text_of(first(location, "city")) or text_of(location) or location.get("location-code"))
            for abstract in children(body_head, "abstract"):
                facts.add("description:summary", text_of(abstract))
            for rights in children(body_head, "rights"):
                facts.add("copyrightNotice", norm(rights.text) or None)
                for owner in children(rights, "rights.owner"):
                    facts.add("copyrightHolder", text_of(owner))
            for distributor in children(body_head, "distributor"):
                # An org's identifier (`idsrc`, `value`) is its identity, as a qcode's is.
                orgs = children(distributor, "org")
                if len(orgs) == 1 and orgs[0].get("value"):
                    value = orgs[0].get("value")
                    facts.add("provider", f"{orgs[0].get('idsrc')}:{value}" if orgs[0].get("idsrc") else value)
                else:
                    facts.add("provider", text_of(distributor))
        for end in children(body, "body.end"):
            body_facts(facts, end)
        for content in children(body, "body.content"):
            body_facts(facts, content)
            # Associated media (a package's references): newsconv keeps an id that is no XML ID
            # in its own `nc:ref` attribute, which NITF 3.6 allows.
            for block in children(content, "block"):
                if block.get("class") == "associated-media":
                    for media in children(block, "media"):
                        reference = media.get("{urn:newsconv:extension}ref") or media.get("id")
                        if reference not in facts.items.get("id", []):  # an item's own renditions
                            facts.add("itemRef", reference)
    return [facts]


def printed_text(dateline):
    """A dateline's printed text: everything but what NITF marks as not printed."""
    parts = []

    def walk(element):
        if element.get("class") == "unprinted" or element.get("{urn:newsconv:extension}printed") == "false":
            if element.tail:
                parts.append(element.tail)
            return
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
        if element is not dateline and element.tail:
            parts.append(element.tail)

    walk(dateline)
    return norm("".join(parts))


# ---------------------------------------------------------------------------------------------
# ninjs

def ninjs_facts(path):
    with open(path, "rb") as handle:
        doc = json.load(handle)
    if not isinstance(doc, dict):
        return []
    facts = Facts()
    facts.add("id", doc.get("uri") or doc.get("guid"))
    facts.add("version", doc.get("version"))
    facts.add("language", doc.get("language"))
    facts.add("urgency", doc.get("urgency"))
    # ninjs 1.x spells dates in lower case, 2.x and 3.x in camel case.
    for name, key in (("versioncreated", "versionCreated"), ("firstcreated", "firstCreated"), ("contentcreated", "contentCreated"),
                      ("embargoed", "embargoed"), ("versionCreated", "versionCreated"), ("firstCreated", "firstCreated"),
                      ("contentCreated", "contentCreated"), ("embargoedUntil", "embargoed"), ("expires", "expires")):
        if isinstance(doc.get(name), str):
            facts.add(key, date_value(doc[name]))
    facts.add("headline", doc.get("headline"))
    # ninjs 1.x: `headline_<role>` pattern properties are further headlines ("Extra headlines").
    for key in sorted(doc):
        if key.startswith("headline_") and len(key) > len("headline_") and isinstance(doc[key], str):
            facts.add("subheadline" if key[len("headline_"):].startswith("sub") else "headline", doc[key])
    for headline in doc.get("headlines", []) if isinstance(doc.get("headlines"), list) else []:
        if isinstance(headline, dict):
            facts.add("subheadline" if "sub" in code(headline.get("role")) else "headline", headline.get("value"))
    facts.add("slugline", doc.get("slugline"))
    facts.add("byline", doc.get("byline") or doc.get("by"))
    facts.add("priority", doc.get("priority"))
    # ninjs 1.x spells these in lower case, 2.x and 3.x in camel case.
    facts.add("copyrightHolder", doc.get("copyrightholder") or doc.get("copyrightHolder"))
    facts.add("copyrightNotice", doc.get("copyrightnotice") or doc.get("copyrightNotice"))
    facts.add("usageTerms", doc.get("usageterms") or doc.get("usageTerms"))
    facts.add("edNote", doc.get("ednote") or doc.get("edNote"))
    renditions = doc.get("renditions")
    if isinstance(renditions, dict):
        renditions = list(renditions.values())
    # One file named twice among an item's renditions is one link.
    hrefs = [rendition.get("href") for rendition in (renditions if isinstance(renditions, list) else []) if isinstance(rendition, dict)]
    for href in dict.fromkeys(h for h in hrefs if h):
        facts.add("media", href)
    for summary in ("description_text", "description_usage"):
        if isinstance(doc.get(summary), str):
            facts.add("description:summary" if summary == "description_text" else "description:other", doc[summary])
    # ninjs 1.x's description in markup: its text is the summary too (the same, where both render one description).
    if isinstance(doc.get("description_html"), str) and doc["description_html"].strip():
        tree = etree.fromstring(f"<div>{doc['description_html']}</div>".encode(), etree.HTMLParser(no_network=True, encoding="utf-8"))
        facts.add("description:summary", " ".join(tree.itertext()))
    # ninjs 1.x names these in the singular, 2.x and 3.x in the plural.
    for name in ("subject", "subjects", "person", "people", "organisation", "organisations", "place", "places",
                 "event", "events", "object", "objects", "genre", "genres"):
        values = doc.get(name)
        for concept in values if isinstance(values, list) else []:
            if isinstance(concept, dict):
                identity = concept.get("code") or concept.get("uri") or concept.get("literal") or concept.get("name")
                # A subject related as a keyword (`rel: keyword`) is a keyword: ninjs 2.x and 3.x
                # have no keywords property.
                if name.startswith("subject") and concept.get("rel") == "keyword":
                    facts.add("keyword", concept.get("name") or concept.get("literal") or concept.get("code"))
                    continue
                if name.startswith("genre"):
                    facts.add("genre", genre_value(concept.get("name"), identity))
                    continue
                # ninjs 1.x: a code within a scheme; the scheme is a URI (the code appended makes
                # the concept's URI) or a name of the provider's own.
                scheme, code_value = concept.get("scheme"), concept.get("code")
                if code_value and scheme and "://" in scheme:
                    facts.add("subject", scheme + code_value)
                elif code_value and "://" in code_value:
                    facts.add("subject", code_value)
                elif code_value:
                    facts.add("subject", f"{scheme}:{code_value}" if scheme else code_value)
                else:
                    facts.add("subject", subject_identity(None, concept.get("uri"), concept.get("literal"), concept.get("name")))
    # Associations are references to other items: by their uri, else their name (1.x and 2.x
    # key them by name, 3.x lists them).
    associations = doc.get("associations")
    if isinstance(associations, dict):
        associations = [dict(value, name=value.get("name", key)) for key, value in associations.items() if isinstance(value, dict)]
    for association in associations if isinstance(associations, list) else []:
        if isinstance(association, dict):
            facts.add("itemRef", association.get("uri") or association.get("name"))
            # An associated item's description (1.x `description_text`, 2.x/3.x `descriptions`)
            # is the caption of that picture or video.
            if isinstance(association.get("description_text"), str):
                facts.add("description:caption", association["description_text"])
            for description in association.get("descriptions", []) if isinstance(association.get("descriptions"), list) else []:
                if isinstance(description, dict):
                    facts.add("description:caption", description.get("value"))
                    break
            # An association embeds the associated item's renditions: each is a link the story has.
            renditions = association.get("renditions")
            if isinstance(renditions, dict):
                renditions = list(renditions.values())
            hrefs = [r.get("href") for r in (renditions if isinstance(renditions, list) else []) if isinstance(r, dict)]
            for href in dict.fromkeys(h for h in hrefs if h):
                facts.add("media", href)
    if isinstance(doc.get("located"), str):
        facts.add("located", doc["located"])
    for description in doc.get("descriptions", []) if isinstance(doc.get("descriptions"), list) else []:
        if isinstance(description, dict):
            value = description.get("value")
            kind = str(description.get("contenttype") or description.get("contentType") or "text/plain")
            if "html" in kind and isinstance(value, str) and value.strip():
                tree = etree.fromstring(f"<div>{value}</div>".encode(), etree.HTMLParser(no_network=True, encoding="utf-8"))
                value = "".join(tree.itertext())
            facts.add(description_key(description.get("role")), value)
    # The party an infoSource names as the provider (ninjs 2.x and 3.x have no provider property).
    for name in ("infosource", "infoSources", "infosources"):
        sources = doc.get(name)
        for source in sources if isinstance(sources, list) else []:
            if isinstance(source, dict) and source.get("role") == "provider":
                facts.add("provider", source.get("uri") or source.get("literal") or source.get("name"))
    for keyword in doc.get("keywords", []) if isinstance(doc.get("keywords"), list) else []:
        facts.add("keyword", keyword)
    body = doc.get("body_html") or doc.get("body_xhtml")
    plain = doc.get("body_text")
    for candidate in doc.get("bodies", []) if isinstance(doc.get("bodies"), list) else []:
        if not isinstance(candidate, dict) or not isinstance(candidate.get("value"), str):
            continue
        # A body that names no type is plain text.
        kind = str(candidate.get("contenttype") or candidate.get("contentType") or "text/plain")
        if body is None and "html" in kind:
            body = candidate.get("value")
        elif plain is None and kind == "text/plain":
            plain = candidate.get("value")
    if not (isinstance(body, str) and body.strip()) and isinstance(plain, str):
        # A plain-text body: its paragraphs are the runs of lines between blank lines.
        for paragraph in re.split(r"\n[ \t]*\n", plain.replace("\r\n", "\n")):
            facts.add("paragraph", norm(paragraph) or None)
    if isinstance(body, str) and body.strip():
        try:
            tree = etree.fromstring(f"<div>{body}</div>".encode(), etree.HTMLParser(no_network=True, encoding="utf-8"))
            body_facts(facts, tree)
        except (etree.XMLSyntaxError, ValueError):
            pass
    return [facts]


# ---------------------------------------------------------------------------------------------
# Wire text: every non-empty line of text arrives somewhere in the output's text.

def wire_facts(path):
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    facts = Facts()
    for line in re.split(r"[\r\n]+", text):
        line = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", line)
        words = re.findall(r"\w{4,}", line)
        for word in words:
            facts.add("text-line", word.lower())
    return [facts]


# ---------------------------------------------------------------------------------------------
# newsconv JSON, read by its documented shape (docs/schema), not by newsconv's decoder

def inline_text(inlines):
    parts = []
    for inline in inlines or []:
        if "text" in inline and isinstance(inline["text"], str):
            parts.append(inline["text"])
        if inline.get("type") == "lineBreak":
            parts.append(" ")
        parts.append(inline_text(inline.get("content")))
        if isinstance(inline.get("mention"), dict):
            parts.append(inline_text(inline["mention"].get("content")))
    return "".join(parts)


def block_facts(facts, blocks):
    for block in blocks or []:
        kind = block.get("type")
        if kind == "paragraph":
            facts.add("paragraph", inline_text(block.get("content")))
            collect_links(facts, block.get("content"))
        elif kind == "heading":
            facts.add("heading", inline_text(block.get("content")))
        elif kind == "preformatted":
            facts.add("paragraph", block.get("text"))
        elif kind == "table":
            table = block.get("table", block)
            for section in ("head", "rows", "foot"):
                for row in table.get(section, []) or []:
                    for cell in row.get("cells", []) if isinstance(row, dict) else row:
                        facts.add("cell", inline_text(cell.get("content") if isinstance(cell, dict) else cell))
        for nested in ("blocks", "items", "content"):
            value = block.get(nested)
            if kind != "paragraph" and isinstance(value, list) and value and isinstance(value[0], (dict, list)):
                if isinstance(value[0], list):
                    for item in value:
                        block_facts(facts, item)
                elif "type" in value[0] and kind not in ("heading", "preformatted"):
                    block_facts(facts, value)


def collect_links(facts, inlines):
    for inline in inlines or []:
        if inline.get("type") == "link":
            facts.add("link", inline.get("href"))
        collect_links(facts, inline.get("content"))


def json_concept(concept):
    return concept.get("qcode") or concept.get("uri") or concept.get("literal") or concept.get("name")


# A source property that newsconv could not map is kept whole in `extensions` under its own
# name (`ninjs1:version`, a date that is none): the fact is in the output as the source wrote it.
# NITF and NewsML-G2 carry such a plain value under the same name, in the generic property each
# has (NITF's `head/meta`, G2's `contentMetaExtProperty` of newsconv's relation).
KEPT_NAMES = {"version": "version", "versioncreated": "versionCreated", "versionCreated": "versionCreated",
              "firstcreated": "firstCreated", "firstCreated": "firstCreated", "embargoed": "embargoed",
              "embargoedUntil": "embargoed", "description_text": "description:summary"}
EXTENSION_RELATION = "urn:newsconv:extension:"
NITF_KEPT_DATES = {"nitf:docdata/date.issue": "versionCreated", "nitf:docdata/date.release": "embargoed",
                   "nitf:docdata/date.expire": "expires"}


def extension_fact(facts, name, value):
    prefix, _, property_name = name.partition(":")
    if re.fullmatch(r"ninjs\d", prefix) and property_name in KEPT_NAMES:
        fact = KEPT_NAMES[property_name]
        facts.add(fact, date_value(str(value)) if fact[0].islower() and fact.endswith(("Created", "embargoed")) else value)


def json_facts(article):
    facts = Facts()
    for key in ("id", "version", "language", "slugline", "creditline", "urgency", "priority", "copyrightHolder"):
        facts.add(key, article.get(key))
    for key in ("firstCreated", "versionCreated", "contentCreated", "contentModified", "embargoed", "expires"):
        if isinstance(article.get(key), str):
            facts.add(key, date_value(article[key]))
    facts.add("headline", article.get("headline"))
    for sub in article.get("subheadlines", []):
        facts.add("subheadline", sub)
    for byline in article.get("bylines", []):
        # As printed: `text`, else the form its parts compose (docs/ir.md, Byline).
        composed = ", ".join(["By " + byline.get("name", "")] + [byline[k] for k in ("title", "affiliation") if byline.get(k)])
        facts.add("byline", byline.get("text") or composed)
    for name in ("creators", "contributors"):
        for party in article.get(name, []):
            facts.add(name[:-1], party.get("name") or json_concept(party))
    dateline = article.get("dateline")
    if dateline:
        facts.add("dateline", dateline.get("text"))
        # The place's name, else (a place known by its code alone) its code, as G2's `located`.
        facts.add("located", dateline.get("place") or dateline.get("placeCode"))
    for name in ("subjects", "people", "organisations", "places"):
        for concept in article.get(name, []):
            facts.add("subject", subject_identity(concept.get("qcode"), concept.get("uri"), concept.get("literal"), concept.get("name")))
    for genre in article.get("genres", []):
        facts.add("genre", genre_value(genre.get("name"), json_concept(genre)))
    for keyword in article.get("keywords", []):
        facts.add("keyword", keyword)
    for note in article.get("editorialNotes", []):
        facts.add("edNote", note)
    provider = article.get("provider")
    if provider:
        facts.add("provider", json_concept(provider))
    for block in article.get("abstract", []):
        facts.add("description:summary", inline_text(block.get("content")))
    for description in article.get("descriptions", []):
        facts.add(description_key(description.get("role")), description.get("text"))
    for name in ("copyrightNotice", "usageTerms"):
        value = article.get(name)
        if isinstance(value, str):
            facts.add(name, value)
    for use_key in article.get("useKeys", []):
        if use_key.get("version"):
            facts.add("du-key", f"{use_key.get('key')}|{use_key.get('version')}")
    for name, value in (article.get("extensions") or {}).items():
        if isinstance(value, (str, int, float)):
            extension_fact(facts, name, value)
        # A NITF date element kept whole (its norm is no date): the fact as the source wrote it.
        elif name in NITF_KEPT_DATES and isinstance(value, list):
            for fragment in value:
                norm_value = date_value(etree.fromstring(fragment.encode("utf-8"), PARSER).get("norm"))
                if norm_value and not is_date(norm_value):
                    facts.add(NITF_KEPT_DATES[name], norm_value)
    # Further values of one-value fields (another language, a role), each naming its field.
    for alternative in article.get("alternatives", []):
        field = alternative.get("field")
        facts.add(field, date_value(alternative.get("text")) if field in ("expires", "embargoed") else alternative.get("text"))
    for media in article.get("media", []):
        if media.get("caption"):
            facts.add("description:caption", media["caption"])
        # A package's references are media with the referenced item's id (an item's own renditions carry its id).
        if media.get("id") and media.get("id") != article.get("id"):
            facts.add("itemRef", media["id"])
        # The media's own `href` is its main file; its renditions may repeat it. One file named
        # twice in one media item is one link.
        hrefs = [media.get("href")] + [rendition.get("href") for rendition in media.get("renditions", [])]
        for href in dict.fromkeys(h for h in hrefs if h):
            facts.add("media", href)
    block_facts(facts, article.get("body"))
    # End matter: the sign-off and the trailers, each one line.
    for line in ([article["signOff"]] if isinstance(article.get("signOff"), str) else []) + list(article.get("trailers", [])):
        facts.add("endLine", line)
    return facts


# ---------------------------------------------------------------------------------------------
# Comparison

DATE_KEYS = ("firstCreated", "versionCreated", "contentCreated", "contentModified", "embargoed", "expires")
# NITF holds one of each of these (one `hl1`, one `doc.copyright`, one `doc.rights`, one `date.expire`).
NITF_ONE_SLOT = ("headline", "copyrightNotice", "usageTerms", "expires")


def is_date(value):
    return re.match(r"^\d{4}(-\d\d){0,2}(T|$)", value) is not None


def unholdable(target, key, value, warnings):
    """Whether the target's place for this kind of fact cannot hold this value (its schema's type
    does not allow it), and newsconv said so: n/a there. Without newsconv's warning it stays lost."""
    if target in ("newsml-g2", "nitf") and key in DATE_KEYS and not is_date(value):
        # A date that is none (`Last Tuesday`, a `YYYYMMDD000000-HHMM` placeholder): named on import.
        return value in warnings
    if target == "newsml-g2" and key == "version" and not (value.isdigit() and int(value) >= 1):
        # G2's version is a positive integer.
        return re.search(rf"version {re.escape(value)}\b", warnings) is not None
    if target == "nitf" and key == "urgency" and value not in [str(n) for n in range(1, 9)]:
        # NITF's ed-urg is 1-8.
        return re.search(rf"urgency {re.escape(value)}\b", warnings) is not None
    return False


def compare(source, target, supported, tally, details, label, warnings="", required=(), target_format=None):
    keys = set(source.items) | set(target.items)
    for key in sorted(keys):
        wanted = collections.Counter(source.items.get(key, []))
        have = collections.Counter(target.items.get(key, []))
        if key not in supported:
            tally[key]["n/a"] += sum(wanted.values())
            continue
        for value in list(wanted):
            if value not in have and unholdable(target_format, key, value, warnings):
                tally[key]["n/a"] += wanted.pop(value)
        kept = wanted & have
        rest_source = wanted - kept
        rest_target = have - kept
        # A date without a time where NewsML-G2 requires one: midnight supplied, with a warning.
        if target_format == "newsml-g2" and key in DATE_KEYS and re.search(rf"warning: {key} .*has no time", warnings):
            for value in list(rest_source):
                if re.fullmatch(r"\d{4}-\d\d-\d\d", value) and rest_target[value + "T00:00:00"]:
                    rest_source[value] -= 1
                    rest_target[value + "T00:00:00"] -= 1
                    tally[key]["required"] += 1
            rest_source, rest_target = +rest_source, +rest_target
        # A value the target's schema requires and the source does not have (as a value the
        # target can hold): supplied, with a warning that names it.
        if not rest_source and sum(rest_target.values()) == 1 and key in required and not any(is_date(v) or key not in DATE_KEYS for v in wanted) \
                and re.search(r"warning: .*" + REQUIRED_WARNING[key], warnings, re.I):
            tally[key]["required"] += 1
            rest_target = collections.Counter()
        # NITF's one slot holds the first; the further ones (another language, a role) are named
        # in newsconv's warning.
        if target_format == "nitf" and key in NITF_ONE_SLOT and rest_source and (kept or have) \
                and re.search(rf"further [^;\]]*\b{key}\b", warnings):
            tally[key]["n/a"] += sum(rest_source.values())
            rest_source = collections.Counter()
        changed = min(sum(rest_source.values()), sum(rest_target.values()))
        lost = sum(rest_source.values()) - changed
        invented = sum(rest_target.values()) - changed
        tally[key]["kept"] += sum(kept.values())
        tally[key]["changed"] += changed
        tally[key]["lost"] += lost
        tally[key]["invented"] += invented
        if details is not None:
            for value in rest_source.elements():
                details.append(f"{label}: {key} {'changed' if changed else 'lost'}: {value[:120]!r}")
            for value in rest_target.elements():
                details.append(f"{label}: {key} {'changed to' if changed else 'invented'}: {value[:120]!r}")


def text_facts(article_text):
    facts = Facts()
    for word in re.findall(r"\w{4,}", article_text):
        facts.add("text-line", word.lower())
    return facts


def all_strings(value):
    """Every text of an IR JSON article (not its type tags, kinds or provenance)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("origin", "type", "kind", "language"):
                yield from all_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from all_strings(item)


# ---------------------------------------------------------------------------------------------
# NewsML 1.2

NEWSML1_MEDIA = ("photo", "image", "picture", "graphic", "video", "audio", "sound")


def newsml1_is_media(item):
    """Whether a ContentItem is a picture, graphic, video or audio rather than text."""
    kind = (first(item, "MediaType").get("FormalName") if first(item, "MediaType") is not None else "") or ""
    mime = (first(item, "MimeType").get("FormalName") if first(item, "MimeType") is not None else "") or ""
    return kind.lower() in NEWSML1_MEDIA or mime.lower().split("/")[0] in ("image", "video", "audio")


def newsml1_facts(path):
    """The facts of each NewsItem of a NewsML 1.x document, as the standard names them."""
    with open(path, "rb") as handle:
        data = handle.read()
    declared = re.match(rb"<\?xml[^>]*encoding=[\"']([^\"']+)", data)
    try:
        # A document that declares another encoding but is UTF-8 (AFP's afp20.xml, as the corpus
        # README says) is read as what it is.
        if declared and declared.group(1).lower() not in (b"utf-8", b"utf8") and re.search(rb"[\x80-\xff]", data):
            data.decode("utf-8")
            data = data.replace(declared.group(1), b"UTF-8", 1)
    except UnicodeDecodeError:
        pass
    root = etree.fromstring(data, PARSER)
    envelope = first(root, "NewsEnvelope")
    result = []
    for item in children(root, "NewsItem"):
        facts = Facts()
        priority = first(envelope, "Priority") if envelope is not None else None
        if priority is not None:
            facts.add("priority", priority.get("FormalName"))
        identifier = first(first(item, "Identification"), "NewsIdentifier")
        facts.add("id", text_of(first(identifier, "PublicIdentifier")) or None)
        # The provider is the party AdministrativeMetadata names, else the identifier's ProviderId.
        if not [p for p in descendants(item, "Provider") if children(p, "Party")]:
            facts.add("provider", text_of(first(identifier, "ProviderId")) or None)
        for revision in descendants(item, "RevisionId"):
            facts.add("version", text_of(revision))
        for name, key in (("FirstCreated", "firstCreated"), ("ThisRevisionCreated", "versionCreated")):
            for element in descendants(item, name):
                facts.add(key, date_value(text_of(element)))
        for change in descendants(item, "StatusWillChange"):
            future = first(change, "FutureStatus")
            when = first(change, "DateAndTime")
            if future is not None and (future.get("FormalName") or "").lower() == "usable" and when is not None:
                facts.add("embargoed", date_value(text_of(when)))
        for urgency in descendants(item, "Urgency"):
            facts.add("urgency", urgency.get("FormalName"))
        for language in descendants(item, "Language"):
            facts.add("language", (language.get("FormalName") or "").lower() or None)
        for component in descendants(item, "NewsComponent"):
            items = children(component, "ContentItem")
            media = [i for i in items if newsml1_is_media(i)]
            role = first(component, "Role")
            role = (role.get("FormalName") or "").lower() if role is not None else ""
            for lines in children(component, "NewsLines"):
                for line in lines:
                    name, text = local(line), text_of(line)
                    if not text or name is None:
                        continue
                    if media and name == "HeadLine":
                        facts.add("description:caption", text)  # a picture's headline is its caption
                    elif name == "HeadLine":
                        facts.add("headline", text)
                    elif name == "SubHeadLine":
                        facts.add("subheadline", text)
                    elif name == "ByLine":
                        facts.add("byline", text)
                    elif name == "DateLine":
                        facts.add("dateline", text)
                    elif name == "SlugLine":
                        facts.add("slugline", text)
                    elif name == "CreditLine" and not media:
                        facts.add("creditline", text)
                    elif name == "CopyrightLine":
                        facts.add("copyrightNotice", text)
                    elif name == "KeywordLine":
                        facts.add("keyword", text)
                    elif name == "NewsLine":
                        kind = first(line, "NewsLineType")
                        if kind is not None and (kind.get("FormalName") or "").lower() == "advisoryline":
                            facts.add("edNote", text_of(first(line, "NewsLineText")))
            for metadata in children(component, "AdministrativeMetadata"):
                for name, key in (("Provider", "provider"), ("Creator", "creator"), ("Contributor", "contributor")):
                    for holder in children(metadata, name):
                        for party in children(holder, "Party"):
                            facts.add(key, party.get("FormalName"))
            for rights in children(component, "RightsMetadata"):
                for holder in descendants(rights, "CopyrightHolder"):
                    facts.add("copyrightHolder", text_of(holder))
                for usage in descendants(rights, "UsageType"):
                    facts.add("usageTerms", text_of(usage))
            for metadata in children(component, "DescriptiveMetadata"):
                for genre in children(metadata, "Genre"):
                    facts.add("genre", genre.get("FormalName"))
                for subject_code in children(metadata, "SubjectCode"):
                    for subject in subject_code:
                        value, scheme = subject.get("FormalName"), subject.get("Scheme")
                        if value and re.match(r"^\d{8}$", value) and scheme in (None, "IptcSubjectCodes"):
                            facts.add("subject", subject_identity("subj:" + value))
                        elif value:
                            facts.add("subject", f"{scheme}:{value}" if scheme else value)
                for prop in children(metadata, "Property"):
                    # A keyword with a role (AFP's PersonInImage) names an entity: a subject.
                    if prop.get("FormalName") == "Keyword":
                        facts.add("keyword" if prop.get("Role") is None else "subject", prop.get("Value"))
                    elif prop.get("FormalName") in ("City", "Country"):
                        facts.add("subject", prop.get("Value"))
                for location in children(metadata, "Location"):
                    for prop in children(location, "Property"):
                        if location.get("HowPresent") == "Origin" and prop.get("FormalName") == "City":
                            facts.add("located", prop.get("Value"))
                        elif prop.get("FormalName") in ("City", "Country", "Region"):
                            facts.add("subject", prop.get("Value"))
            for content in media:
                facts.add("media", content.get("Href"))
            if role == "subheadline":
                # Business Wire's highlights: a component whose role says it holds subheadlines.
                for content in items:
                    for element in content.iter():
                        if local(element) in ("li", "p") and not descendants(element, "li")[1:] and text_of(element):
                            facts.add("subheadline", text_of(element))
            if role == "contact":
                # Business Wire's contact lines, printed after the release: end matter, a line each.
                for content in items:
                    for paragraph in content.iter():
                        if local(paragraph) == "p":
                            for line in tagline_lines(paragraph):
                                facts.add("endLine", line)
            if role in ("", "main", "body"):
                for content in items:
                    data = first(content, "DataContent")
                    if content in media or data is None:
                        continue
                    inner = [child for child in data if isinstance(child.tag, str)]
                    if inner and local(inner[0]) == "nitf":
                        for body_content in descendants(inner[0], "body.content") + descendants(inner[0], "body.end"):
                            body_facts(facts, body_content)
                    elif inner and local(inner[0]) == "html":
                        for body in descendants(inner[0], "body"):
                            body_facts(facts, body)
                    elif inner:
                        body_facts(facts, data)
                    elif "<" in (data.text or ""):
                        body_facts(facts, etree.fromstring(f"<div>{data.text}</div>".encode(), etree.HTMLParser(no_network=True, encoding="utf-8")))
                    else:
                        for part in re.split(r"\n\s*\n", data.text or ""):
                            facts.add("paragraph", norm(part) or None)
        result.append(facts)
    return result


def corpus_files(corpus):
    """(kind, path) for every document of the corpus that the oracle reads."""
    found = []
    for folder, _, names in os.walk(corpus):
        for name in sorted(names):
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, corpus)
            if "should_fail" in relative or "not-valid" in relative or name in ("LICENSE", "SOURCE.md", "README.md", "MANIFEST.tsv") or name.startswith("LICENSE"):
                continue
            if "newsml-g2" in relative and name.endswith(".xml"):
                found.append(("newsml-g2", path))
            elif "/nitf/" in "/" + relative and name.endswith(".xml"):
                found.append(("nitf", path))
            elif "ninjs" in relative and name.endswith(".json"):
                found.append(("ninjs", path))
            elif "newsml-1.2" in relative and name.endswith(".xml"):
                found.append(("newsml1", path))
            elif ("iptc7901" in relative or relative.startswith("seed")) and name.endswith(".txt"):
                found.append(("wire", path))
    return sorted(found, key=lambda pair: pair[1])


# The project's own samples, by folder (their `expected/` outputs are not inputs).
SAMPLE_KINDS = {"newsml-g2": ("newsml-g2", ".xml"), "nitf": ("nitf", ".xml"), "ninjs": ("ninjs", ".json"),
                "newsml1": ("newsml1", ".xml"), "wire": ("wire", ".txt")}


def sample_files(samples):
    found = []
    for folder, (kind, extension) in SAMPLE_KINDS.items():
        directory = os.path.join(samples, folder)
        for name in sorted(os.listdir(directory)) if os.path.isdir(directory) else []:
            if name.endswith(extension):
                found.append((kind, os.path.join(directory, name)))
    return found


CONTENT_ATTRIBUTES = {"du-key": ("key",), "keyword": ("key",), "meta": ("content",), "ed-msg": ("info",),
                      "contentMetaExtProperty": ("value",)}

READERS = {"newsml-g2": g2_facts, "nitf": nitf_facts, "ninjs": ninjs_facts, "wire": wire_facts, "newsml1": newsml1_facts}


def convert(newsconv, path, fmt, target, out_dir):
    """Runs newsconv; the outputs' paths (several for a one-article target), or None when it fails."""
    stem = os.path.join(out_dir, target)
    os.makedirs(stem, exist_ok=True)
    for old in os.listdir(stem):
        os.remove(os.path.join(stem, old))
    command = [newsconv, "convert", path, "-f", fmt, "-t", target, "-o", stem + "/"]
    result = subprocess.run(command, capture_output=True, timeout=120)
    if result.returncode != 0:
        return None, ""
    return sorted(os.path.join(stem, name) for name in os.listdir(stem)), result.stderr.decode("utf-8", "replace")


def run(newsconv, corpus, details_wanted, samples=None):
    tally = {target: collections.defaultdict(collections.Counter) for target in TARGETS}
    details = [] if details_wanted else None
    files = corpus_files(corpus) + (sample_files(samples) if samples else [])
    counts = collections.Counter()
    with tempfile.TemporaryDirectory() as out_dir:
        for kind, path in files:
            try:
                sources = READERS[kind](path)
            except (etree.XMLSyntaxError, ValueError, OSError):
                continue
            sources = [facts for facts in sources if facts.items]
            if not sources:
                continue
            label_base = os.path.relpath(path, corpus) if not samples or not path.startswith(samples) else "samples/" + os.path.relpath(path, samples)
            for target in TARGETS:
                outputs, warnings = convert(newsconv, path, kind, target, out_dir)
                if outputs is None:
                    continue
                counts[(kind, target)] += 1
                if target == "json":
                    with open(outputs[0], "rb") as handle:
                        articles = json.load(handle)["articles"]
                    if kind == "wire":
                        got = [text_facts(" ".join(all_strings(a))) for a in articles]
                    else:
                        got = [json_facts(a) for a in articles]
                elif kind == "wire":
                    got = []
                    for output in outputs:
                        with open(output, "rb") as handle:
                            root = etree.fromstring(handle.read(), PARSER)
                        # The dates a target requires (G2's versionCreated, supplied with a warning)
                        # are no words of the dispatch.
                        for date in [e for e in root.iter() if local(e) in ("versionCreated", "sent")]:
                            date.text = ""
                        # Text the formats keep in attributes: NITF's keys, meta and editorial
                        # notes, G2's extension properties.
                        attributes = [e.get(name) or "" for e in root.iter() for name in CONTENT_ATTRIBUTES.get(local(e), ())]
                        got.append(text_facts(" ".join(list(root.itertext()) + attributes)))
                else:
                    reader = g2_facts if target == "newsml-g2" else nitf_facts
                    got = [facts for output in outputs for facts in reader(output)]
                supported = SUPPORTS[target] | ({"text-line"} if kind == "wire" else set())
                if target == "newsml-g2" and len(got) == 1:
                    # A single newsItem has no header, so no priority.
                    supported = supported - {"priority"}
                for index, source in enumerate(sources):
                    target_facts = got[index] if index < len(got) else Facts()
                    compare(source, target_facts, supported, tally[target], details, f"{label_base}#{index + 1} -> {target}", warnings,
                            REQUIRED[target], target)
    return tally, details, counts


FATES = ["kept", "changed", "lost", "n/a", "required", "invented"]


def table(tally):
    lines = [
        "| target | fact | kept | changed | lost | n/a | required | invented |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for target in TARGETS:
        totals = collections.Counter()
        for key in sorted(tally[target]):
            row = tally[target][key]
            totals.update(row)
            lines.append(f"| {target} | {key} | " + " | ".join(str(row[fate]) for fate in FATES) + " |")
        lines.append(f"| {target} | **all** | " + " | ".join(f"**{totals[fate]}**" for fate in FATES) + " |")
    return "\n".join(lines)


def parse_table(text):
    rows = {}
    for line in text.splitlines():
        cells = [c.strip().strip("*") for c in line.strip().strip("|").split("|")]
        if len(cells) == 2 + len(FATES) and cells[0] in TARGETS:
            rows[(cells[0], cells[1])] = dict(zip(FATES, (int(c) for c in cells[2:])))
    return rows


BEGIN = "<!-- fidelity table: begin (written by scripts/fidelity/oracle.py --write) -->"
END = "<!-- fidelity table: end -->"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--newsconv", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--write", metavar="FILE")
    parser.add_argument("--check", metavar="FILE")
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--samples", metavar="DIR", help="the project's samples folder, read beside the corpus")
    parser.add_argument("--catalog", metavar="FILE", help="IPTC's G2 catalog (default: the standards beside the corpus)")
    args = parser.parse_args()
    load_catalog(args.catalog or os.path.join(args.corpus, "..", "standards", "newsml-g2", "catalog", "catalog.IPTC-G2-Standards_41.xml"))
    tally, details, counts = run(args.newsconv, args.corpus, args.details, args.samples)
    rendered = table(tally)
    if details:
        print("\n".join(details))
    if args.write:
        with open(args.write, encoding="utf-8") as handle:
            page = handle.read()
        start, end = page.index(BEGIN), page.index(END)
        page = page[: start + len(BEGIN)] + "\n" + rendered + "\n" + page[end:]
        with open(args.write, "w", encoding="utf-8") as handle:
            handle.write(page)
    if args.check:
        with open(args.check, encoding="utf-8") as handle:
            committed = parse_table(handle.read())
        now = parse_table(rendered)
        problems = []
        for key, row in now.items():
            before = committed.get(key, {fate: 0 for fate in FATES})
            if row["kept"] < before["kept"]:
                problems.append(f"{key[0]} {key[1]}: kept {before['kept']} -> {row['kept']}")
            for fate in ("changed", "lost", "invented"):
                if row[fate] > before[fate]:
                    problems.append(f"{key[0]} {key[1]}: {fate} {before[fate]} -> {row[fate]}")
        for key, before in committed.items():
            if key not in now and before["kept"] > 0:
                problems.append(f"{key[0]} {key[1]}: kept {before['kept']} -> no fact read at all")
        if problems:
            print("fidelity regressions against " + args.check + ":\n" + "\n".join(problems))
            print(rendered)
            sys.exit(1)
        print(f"fidelity: no regression over {sum(counts.values())} conversions")
    if not args.write and not args.check:
        print(rendered)


if __name__ == "__main__":
    main()
