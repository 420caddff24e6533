"""The lean lxml reference of the NewsML-G2 -> NITF benchmark (issue 16, BatchG2ToNITF).

Each NewsML-G2 item is parsed with lxml (no network, no entity substitution, no DTD), and its
guid, version, headline, dates, subjects and body paragraphs are pulled out and written as one
small NITF document per input: the least a converter must do, without newsconv's checks,
diagnostics or complete mapping. Usage: lxml_extract.py OUTPUT_FOLDER FILE...
"""

import os
import sys

from lxml import etree

NS = {
    "g2": "http://iptc.org/std/nar/2006-10-01/",
    "h": "http://www.w3.org/1999/xhtml",
    "n": "http://iptc.org/std/NITF/2006-10-18/",
}
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def convert(path, output):
    root = etree.parse(path, PARSER).getroot()
    meta = root.find("g2:contentMeta", NS)
    item_meta = root.find("g2:itemMeta", NS)
    headline = meta.findtext("g2:headline", default="", namespaces=NS) if meta is not None else ""
    created = meta.findtext("g2:contentCreated", default="", namespaces=NS) if meta is not None else ""
    issued = item_meta.findtext("g2:versionCreated", default="", namespaces=NS) if item_meta is not None else ""
    subjects = [s.get("qcode", "") for s in meta.iterfind("g2:subject", NS)] if meta is not None else []
    # The body is inline XHTML or inline NITF.
    paragraphs = ["".join(p.itertext()) for p in root.iterfind(".//h:body//h:p", NS)]
    paragraphs += ["".join(p.itertext()) for p in root.iterfind(".//n:body.content//n:p", NS)]

    nitf = etree.Element("nitf")
    head = etree.SubElement(nitf, "head")
    etree.SubElement(head, "title").text = headline
    docdata = etree.SubElement(head, "docdata")
    etree.SubElement(docdata, "doc-id", {"id-string": root.get("guid", "")})
    etree.SubElement(docdata, "date.issue", {"norm": issued or created})
    classifier = etree.SubElement(head, "tobject")
    for qcode in subjects:
        etree.SubElement(classifier, "tobject.subject", {"tobject.subject.refnum": qcode})
    body = etree.SubElement(nitf, "body")
    hedline = etree.SubElement(etree.SubElement(body, "body.head"), "hedline")
    etree.SubElement(hedline, "hl1").text = headline
    content = etree.SubElement(body, "body.content")
    for text in paragraphs:
        etree.SubElement(content, "p").text = text
    name = os.path.splitext(os.path.basename(path))[0] + ".nitf"
    with open(os.path.join(output, name), "wb") as out:
        out.write(etree.tostring(nitf, xml_declaration=True, encoding="UTF-8"))


def main():
    output = sys.argv[1]
    os.makedirs(output, exist_ok=True)
    for path in sys.argv[2:]:
        convert(path, output)


if __name__ == "__main__":
    main()
