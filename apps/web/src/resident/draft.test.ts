import { describe, expect, it } from 'vitest';
import { loadDraft, parseDraft, saveDraft } from './draft';

function memory(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
    key: () => null,
    get length() {
      return m.size;
    },
  };
}

describe('the saved report draft', () => {
  it('comes back for the same link, key included', () => {
    const store = memory();
    saveDraft({ target: 'u:530303203211', category: 'road', description: '村口路灯坏了', clientKey: 'k'.repeat(32) }, store);
    expect(loadDraft('u:530303203211', store)).toEqual({ target: 'u:530303203211', category: 'road', description: '村口路灯坏了', clientKey: 'k'.repeat(32) });
  });

  it('never for another link (a draft for one village is not filed to another)', () => {
    const store = memory();
    saveDraft({ target: 'u:530303203211', category: null, description: 'x', clientKey: 'k'.repeat(32) }, store);
    expect(loadDraft('r:token', store)).toBeNull();
  });

  it('ignores what it cannot read', () => {
    expect(parseDraft('{not json', 't')).toBeNull();
    expect(parseDraft(JSON.stringify({ target: 't', description: 'x' }), 't')).toBeNull();
    expect(parseDraft(null, 't')).toBeNull();
    expect(parseDraft(JSON.stringify({ target: 't', description: 'x', clientKey: 'k', category: 5 }), 't')).toEqual({
      target: 't',
      description: 'x',
      clientKey: 'k',
      category: null,
    });
  });

  it('a storage that throws (private mode) loses the draft, never the page', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => saveDraft({ target: 't', category: null, description: 'x', clientKey: 'k' }, broken)).not.toThrow();
    expect(loadDraft('t', broken)).toBeNull();
  });
});
