import { describe, expect, it } from 'vitest';
import { hasInvisibleControls, unstorableText } from './text-controls';

describe('text controls', () => {
  it('finds zero-width and bidi controls', () => {
    for (const c of ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\ufeff'])
      expect(hasInvisibleControls(`张${c}三`), c.codePointAt(0)?.toString(16)).toBe(true);
    expect(hasInvisibleControls('张三 Zhāng·Sān-2')).toBe(false);
  });

  it('finds NUL bytes and lone surrogates, not paired ones', () => {
    expect(unstorableText('a\u0000b')).toBe('nul');
    expect(unstorableText('a\ud800b')).toBe('surrogate');
    expect(unstorableText('a\udc00')).toBe('surrogate');
    expect(unstorableText('\udc00\ud800')).toBe('surrogate');
    expect(unstorableText('路灯😀𠀀')).toBeNull();
  });
});
