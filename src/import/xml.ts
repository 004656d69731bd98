/**
 * A minimal XML reader for WordprocessingML (document.xml): elements, attributes and text, enough
 * to walk paragraphs and tables. No DTDs or processing instructions matter there.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : all;
    }
    return ENTITIES[e] ?? all;
  });
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses XML text into its root element; throws on unbalanced tags. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: "#root", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  for (const m of text.matchAll(TOKEN)) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.children.push(m[1]);
    else if (m[6] !== undefined) {
      if (stack.length > 1) top.children.push(decodeEntities(m[6]));
    } else if (m[3] !== undefined) {
      if (m[2] === "/") {
        if (top.name !== m[3] || stack.length === 1) throw new Error(`thẻ </${m[3]}> không khớp`);
        stack.pop();
      } else {
        const attrs: Record<string, string> = {};
        for (const a of (m[4] ?? "").matchAll(ATTR))
          attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? "");
        const el: XmlElement = { name: m[3], attrs, children: [] };
        top.children.push(el);
        if (m[5] !== "/") stack.push(el);
      }
    }
  }
  if (stack.length !== 1) throw new Error("tài liệu XML không đóng đủ thẻ");
  return root;
}

export const elements = (el: XmlElement, name?: string): XmlElement[] =>
  el.children.filter((c): c is XmlElement => typeof c !== "string" && (!name || c.name === name));

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return elements(el, name)[0];
}
