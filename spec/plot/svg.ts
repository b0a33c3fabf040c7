import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Checks that `svg` is well-formed XML with an <svg> root; returns the root's size. */
export function parseSvg(svg: string): { width: number; height: number } {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) throw new Error(`invalid XML: ${valid.err.msg} at line ${valid.err.line}`);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg);
  if (!doc.svg) throw new Error('the root element is not <svg>');
  const { width, height, viewBox } = doc.svg;
  if (width !== undefined)
    return { width: Number.parseFloat(width), height: Number.parseFloat(height) };
  const [, , w, h] = String(viewBox).split(/\s+/).map(Number);
  return { width: w, height: h };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return ENTITIES[e] ?? m;
  });
}

/** The contents of every <text> element (tspans joined), decoded. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    decode(
      m[1]
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
}

/** The elements inside each Vega mark group whose class starts with `markClass` (e.g. 'mark-symbol role-mark'). */
export function markItems(svg: string, markClass: string): string[] {
  const items: string[] = [];
  const re = new RegExp(`<g class="${markClass}[^"]*"[^>]*>`, 'g');
  for (const m of svg.matchAll(re)) {
    // Vega writes the items of a mark as siblings inside its group, without nested groups.
    const start = m.index! + m[0].length;
    const end = svg.indexOf('</g>', start);
    items.push(...(svg.slice(start, end).match(/<(path|line|text|rect)\b[^>]*>/g) ?? []));
  }
  return items;
}
