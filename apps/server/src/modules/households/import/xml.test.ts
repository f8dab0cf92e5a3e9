import { describe, expect, it } from 'vitest';
import { XmlScanner } from './xml';

/** Every token as text, to compare scans of the same document cut into different chunks. */
function tokens(doc: Buffer, chunk: number): string[] {
  const out: string[] = [];
  const s = new XmlScanner(['a', 'b']);
  s.handler = {
    open: (tag) => out.push(`<${tag} x=${s.attr('x')}>`),
    close: (tag) => out.push(`</${tag}>`),
    text: (start, end, cdata) => out.push(s.text(start, end, cdata)),
  };
  for (let i = 0; i < doc.length; i += chunk) s.write(doc.subarray(i, i + chunk));
  s.end();
  return out;
}

describe('XML scanner', () => {
  it('gives the same tokens however the bytes are cut', () => {
    const doc = Buffer.from(
      '<?xml version="1.0"?>\r\n<n:a x="1 &gt; 0" y=\'q"\'><!-- c --><b x="丙">甲&amp;乙&#20013;</b><c/><![CDATA[<raw>&amp;]]>x\r\ny<b/></n:a>\n',
    );
    const whole = tokens(doc, doc.length);
    expect(whole).toEqual(['\n', '<0 x=1 > 0>', '<1 x=丙>', '甲&乙中', '</1>', '<-1 x=null>', '</-1>', '<raw>&amp;', 'x\ny', '<1 x=null>', '</1>', '</0>']);
    for (let chunk = 1; chunk < 40; chunk++) expect(tokens(doc, chunk).join('')).toBe(whole.join(''));
  });

  it('refuses an unfinished document and a DOCTYPE', () => {
    expect(() => tokens(Buffer.from('<a><b x="1'), 4)).toThrow(/middle of a tag/);
    expect(() => tokens(Buffer.from('<!DOCTYPE a><a/>'), 100)).toThrow(/DOCTYPE/);
  });
});
