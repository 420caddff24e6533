import Foundation

/// Parses Markdown files with an independent CommonMark parser, Python's `markdown-it-py`
/// (CommonMark preset, plus pipe tables), and their front matter with PyYAML; both installed by
/// .ci/run. Prints one JSON object: file name -> {"front": {...}, "blocks": [...]}.
public enum MarkdownCheck {
    public static func parse(directory: URL) throws -> [String: Any] {
        let script = """
            import json, sys, pathlib, yaml
            from markdown_it import MarkdownIt
            md = MarkdownIt('commonmark').enable('table')

            def inline_text(token):
                out, html, image = [], False, False
                for child in token.children or []:
                    if child.type in ('text', 'code_inline'): out.append(child.content)
                    elif child.type == 'softbreak': out.append(' ')
                    elif child.type == 'hardbreak': out.append('\\n')
                    elif child.type == 'image':
                        image = True
                        out.append(''.join(c.content for c in child.children or []))
                    elif child.type == 'html_inline': html = True
                return ''.join(out), html, image

            def blocks(tokens, i, close):
                result = []
                while i < len(tokens) and tokens[i].type != close:
                    t = tokens[i]
                    if t.type == 'paragraph_open':
                        text, html, image = inline_text(tokens[i + 1])
                        result.append({'type': 'paragraph', 'text': text, 'html': html, 'image': image}); i += 3
                    elif t.type == 'heading_open':
                        text, html, _ = inline_text(tokens[i + 1])
                        result.append({'type': 'heading', 'level': int(t.tag[1]), 'text': text, 'html': html}); i += 3
                    elif t.type in ('bullet_list_open', 'ordered_list_open'):
                        kind = t.type.replace('_open', '_close'); items = []; i += 1
                        while tokens[i].type != kind:
                            inner, i = blocks(tokens, i + 1, 'list_item_close'); items.append(inner); i += 1
                        result.append({'type': 'list', 'ordered': t.type.startswith('ordered'), 'items': items}); i += 1
                    elif t.type == 'blockquote_open':
                        inner, i = blocks(tokens, i + 1, 'blockquote_close'); result.append({'type': 'blockquote', 'blocks': inner}); i += 1
                    elif t.type in ('fence', 'code_block'):
                        result.append({'type': 'code', 'text': t.content}); i += 1
                    elif t.type == 'hr':
                        result.append({'type': 'hr'}); i += 1
                    elif t.type == 'html_block':
                        result.append({'type': 'html'}); i += 1
                    elif t.type == 'table_open':
                        rows = []; row = None; i += 1
                        while tokens[i].type != 'table_close':
                            tt = tokens[i]
                            if tt.type == 'tr_open': row = []
                            elif tt.type == 'tr_close': rows.append(row)
                            elif tt.type == 'inline': row.append(inline_text(tt)[0])
                            i += 1
                        result.append({'type': 'table', 'rows': rows}); i += 1
                    else:
                        i += 1
                return result, i

            out = {}
            for f in sorted(pathlib.Path(sys.argv[1]).glob('*.md')):
                text = f.read_text(encoding='utf-8')
                front, body = {}, text
                if text.startswith('---\\n'):
                    end = text.index('\\n---\\n', 3)
                    front = yaml.safe_load(text[4:end + 1]) or {}
                    body = text[end + 5:]
                tokens = md.parse(body)
                out[f.name] = {'front': json.loads(json.dumps(front, default=str)), 'blocks': blocks(tokens, 0, None)[0]}
            print(json.dumps(out))
            """
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, directory.path])
        guard result.status == 0, let object = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any] else {
            throw CheckFailure(message: "markdown-it-py failed: \(result.stderr)")
        }
        return object
    }

    public struct CheckFailure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
