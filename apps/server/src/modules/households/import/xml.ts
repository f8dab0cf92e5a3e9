/**
 * A resumable XML tokenizer over bytes, for the few parts of an xlsx the import reads. It is ~8×
 * faster than a general SAX parser (saxes, htmlparser2) on sheet XML because markup is never
 * decoded to strings: tag names are matched as bytes against a short list, attributes are read only
 * when asked for, and text is decoded only where the caller keeps it. It is not a validating
 * parser: namespace prefixes are dropped, and a DOCTYPE is refused (no entity expansion).
 */
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOT = 0x22;
const APOS = 0x27;
const COLON = 0x3a;
const EQ = 0x3d;
const CDATA = Buffer.from('<![CDATA[');
/** No single tag or text run in a register comes near this; it bounds what one token can hold. */
const MAX_TOKEN = 16 * 1024 * 1024;

export class XmlError extends Error {}

const ONE: string[] = [''];

export interface XmlHandler {
  /** `tag` is the index of the element's local name in the scanner's list, or -1. */
  open(tag: number): void;
  close(tag: number): void;
  /** Raw text between markup; call `scanner.text(start, end, cdata)` to decode what you keep. */
  text(start: number, end: number, cdata: boolean): void;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(ENTITY, (_, e: string) => {
    if (e[0] !== '#') return NAMED[e] as string;
    const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

export class XmlScanner {
  /** The bytes the current callbacks' offsets point into. */
  buf: Buffer = Buffer.alloc(0);
  private rest: Buffer | null = null;
  private readonly names: Buffer[];
  private attrStart = 0;
  private attrEnd = 0;
  /** Value bounds set by `attrRange`. */
  valueStart = 0;
  valueEnd = 0;
  private readonly range = new Int32Array(2);

  /** Receives the tokens; set before the first write. */
  handler: XmlHandler = { open() {}, close() {}, text() {} };

  constructor(names: readonly string[]) {
    this.names = names.map((n) => Buffer.from(n, 'latin1'));
  }

  /** Feeds the next chunk; an unfinished tag or text at its end waits for the following chunk. */
  write(chunk: Buffer): void {
    const buf = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    this.buf = buf;
    const pos = this.scan(buf);
    this.rest = pos < buf.length ? Buffer.from(buf.subarray(pos)) : null;
    if (this.rest && this.rest.length > MAX_TOKEN) throw new XmlError('an XML token is too long');
  }

  /** The document ended: only whitespace may be left over. */
  end(): void {
    if (this.rest?.some((c) => !isSpace(c))) throw new XmlError('the XML ends in the middle of a tag');
    this.rest = null;
  }

  /** Decodes text bytes as UTF-8, resolving entities (not in CDATA) and CRLF line ends. */
  text(start: number, end: number, cdata = false): string {
    let s = this.buf.toString('utf8', start, end);
    if (!cdata && s.includes('&')) s = unescapeXml(s);
    if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
    return s;
  }

  /** Finds attribute `name` (local name, any prefix) of the current start tag; sets valueStart/End. */
  attrRange(name: string): boolean {
    ONE[0] = name;
    this.attrRanges(ONE, this.range);
    this.valueStart = this.range[0] as number;
    this.valueEnd = this.range[1] as number;
    return this.valueStart >= 0;
  }

  /**
   * One pass over the current start tag's attributes: for each of `names` (local names), its value
   * bounds go to out[2k], out[2k+1], or -1 when absent. Cheaper than attrRange per name on hot tags.
   */
  attrRanges(names: readonly string[], out: Int32Array): void {
    out.fill(-1);
    const b = this.buf;
    const end = this.attrEnd;
    let i = this.attrStart;
    while (i < end) {
      while (i < end && isSpace(b[i] as number)) i++;
      if (i >= end) break;
      let local = i;
      while (i < end && b[i] !== EQ && !isSpace(b[i] as number)) {
        if (b[i] === COLON) local = i + 1;
        i++;
      }
      const nameEnd = i;
      while (i < end && b[i] !== EQ) i++;
      i++;
      while (i < end && isSpace(b[i] as number)) i++;
      const q = b[i];
      if (q !== QUOT && q !== APOS) throw new XmlError('an attribute value is not quoted');
      const vs = i + 1;
      const ve = b.indexOf(q, vs);
      if (ve < 0 || ve > end) throw new XmlError('an attribute value is not closed');
      i = ve + 1;
      for (let k = 0; k < names.length; k++) {
        const name = names[k] as string;
        if (nameEnd - local === name.length && sameAscii(b, local, name)) {
          out[2 * k] = vs;
          out[2 * k + 1] = ve;
          break;
        }
      }
    }
  }

  attr(name: string): string | null {
    return this.attrRange(name) ? this.text(this.valueStart, this.valueEnd) : null;
  }

  /** A non-negative integer attribute, or null when absent or not digits. */
  attrInt(name: string): number | null {
    if (!this.attrRange(name)) return null;
    let n = 0;
    for (let i = this.valueStart; i < this.valueEnd; i++) {
      const d = (this.buf[i] as number) - 0x30;
      if (d < 0 || d > 9) return null;
      n = n * 10 + d;
    }
    return this.valueEnd > this.valueStart ? n : null;
  }

  private match(start: number, end: number): number {
    const b = this.buf;
    for (let i = start; i < end; i++) if (b[i] === COLON) start = i + 1;
    const len = end - start;
    outer: for (let k = 0; k < this.names.length; k++) {
      const n = this.names[k] as Buffer;
      if (n.length !== len) continue;
      for (let j = 0; j < len; j++) if (n[j] !== b[start + j]) continue outer;
      return k;
    }
    return -1;
  }

  /** Tokenizes complete tokens; returns where the first incomplete one starts. */
  private scan(b: Buffer): number {
    const h = this.handler;
    const n = b.length;
    let pos = 0;
    while (pos < n) {
      if (b[pos] !== LT) {
        const lt = b.indexOf(LT, pos);
        if (lt < 0) return pos;
        h.text(pos, lt, false);
        pos = lt;
        continue;
      }
      if (pos + 1 >= n) return pos;
      const c1 = b[pos + 1];
      if (c1 === SLASH) {
        const gt = b.indexOf(GT, pos + 2);
        if (gt < 0) return pos;
        let ne = pos + 2;
        while (ne < gt && !isSpace(b[ne] as number)) ne++;
        h.close(this.match(pos + 2, ne));
        pos = gt + 1;
      } else if (c1 === 0x3f /* ? */) {
        const e = b.indexOf('?>', pos + 2, 'latin1');
        if (e < 0) return pos;
        pos = e + 2;
      } else if (c1 === 0x21 /* ! */) {
        if (n - pos < 4) return pos;
        if (b[pos + 2] === 0x2d && b[pos + 3] === 0x2d) {
          const e = b.indexOf('-->', pos + 4, 'latin1');
          if (e < 0) return pos;
          pos = e + 3;
        } else if (n - pos < 9) return pos;
        else if (b.compare(CDATA, 0, 9, pos, pos + 9) === 0) {
          const e = b.indexOf(']]>', pos + 9, 'latin1');
          if (e < 0) return pos;
          h.text(pos + 9, e, true);
          pos = e + 3;
        } else throw new XmlError('DOCTYPE and other declarations are not allowed');
      } else {
        let i = pos + 1;
        let q = 0;
        for (; i < n; i++) {
          const c = b[i] as number;
          if (q) {
            if (c === q) q = 0;
          } else if (c === QUOT || c === APOS) q = c;
          else if (c === GT) break;
        }
        if (i >= n) return pos;
        const selfClosing = b[i - 1] === SLASH;
        let ne = pos + 1;
        while (ne < i && b[ne] !== SLASH && !isSpace(b[ne] as number)) ne++;
        this.attrStart = ne;
        this.attrEnd = selfClosing ? i - 1 : i;
        const tag = this.match(pos + 1, ne);
        h.open(tag);
        if (selfClosing) h.close(tag);
        pos = i + 1;
      }
    }
    return pos;
  }
}

function sameAscii(b: Buffer, at: number, s: string): boolean {
  for (let j = 0; j < s.length; j++) if (b[at + j] !== s.charCodeAt(j)) return false;
  return true;
}

/** Scans a whole (small) document at once. */
export function scanXml(doc: Buffer, names: readonly string[], handlerOf: (s: XmlScanner) => XmlHandler): void {
  const scanner = new XmlScanner(names);
  scanner.handler = handlerOf(scanner);
  scanner.write(doc);
  scanner.end();
}
