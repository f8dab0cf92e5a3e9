import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

/**
 * Text features for duplicate detection (docs/matters-similarity.md): character bigrams, and
 * jieba words weighted by jieba's own IDF table, both over a normalised text.
 */

/** Full-width ASCII to half-width, lower case, long numbers dropped, nothing but letters, digits and CJK kept. */
export function normalize(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      // Phone and ID numbers say who, not what: they would only make two reports of one problem differ.
      .replace(/\d{5,}[\dx]*/g, ' ')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

/** Overlapping character pairs inside each run of text (no pairs across punctuation). */
export function charBigrams(text: string): string[] {
  const out = new Set<string>();
  for (const run of normalize(text).split(' ')) {
    const chars = [...run];
    if (chars.length === 1) out.add(chars[0] as string);
    for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  }
  return [...out];
}

// Words every complaint shares; they say nothing about which problem it is.
const STOPWORDS = new Set(
  '的 了 是 在 我 我们 你 他 她 它 们 和 与 及 也 都 还 就 很 太 又 把 被 给 让 这 那 这里 那里 这边 那边 里 上 下 一个 一直 已经 没有 没 有 不 要 想 能 会 请 希望 反映 问题 情况 现在 到现在 什么 怎么 为什么 好 几 多 个 家 大 小 人 天 问问 帮忙 尽快 麻烦 一下 看看 几天 最近 谢谢'.split(
    ' ',
  ),
);

const require = createRequire(import.meta.url);
let jieba: Jieba | null = null;
let idf: Map<string, number> | null = null;
let idfDefault = 0;

/** jieba and its dictionaries load on first use (about half a second), then stay. */
function loadJieba(): Jieba {
  if (!jieba) {
    const { Jieba: J } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = J.withDict(dict);
  }
  return jieba;
}

function loadIdf(): Map<string, number> {
  if (!idf) {
    const { idf: raw } = require('@node-rs/jieba/dict') as { idf: Uint8Array };
    const map = new Map<string, number>();
    const values: number[] = [];
    for (const line of Buffer.from(raw).toString('utf8').split('\n')) {
      const sp = line.lastIndexOf(' ');
      if (sp <= 0) continue;
      const v = Number(line.slice(sp + 1));
      map.set(line.slice(0, sp), v);
      values.push(v);
    }
    values.sort((a, b) => a - b);
    // Unknown words (place names, dialect) are rare, hence informative: the median, as jieba's own extractor does.
    idfDefault = values[values.length >> 1] ?? 10;
    idf = map;
  }
  return idf;
}

/**
 * Loads jieba and the IDF table now rather than on the first report, so that the first resident
 * after a start does not wait for them (a second or more on a busy machine).
 */
export function warmUpText(): void {
  loadJieba();
  loadIdf();
}

/** The words of a text, in search mode (long words also give their parts), without stopwords. */
export function wordTokens(text: string): string[] {
  const norm = normalize(text);
  if (!norm) return [];
  const out = new Set<string>();
  for (const w of loadJieba().cutForSearch(norm, true)) {
    const t = w.trim();
    if (!t || STOPWORDS.has(t)) continue;
    out.add(t);
  }
  return [...out];
}

export function idfOf(token: string): number {
  const map = loadIdf();
  return map.get(token) ?? idfDefault;
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sb = new Set(b);
  let inter = 0;
  for (const x of a) if (sb.has(x)) inter++;
  return inter / (a.length + b.length - inter);
}

/** How many of a's tokens b also has. */
function shared(a: readonly string[], b: readonly string[]): number {
  const sb = new Set(b);
  let inter = 0;
  for (const x of a) if (sb.has(x)) inter++;
  return inter;
}

/** IDF weight of a's tokens that b also has, and of each side. */
function weighted(a: readonly string[], b: readonly string[]): { inter: number; wa: number; wb: number } {
  const sb = new Set(b);
  let inter = 0;
  let wa = 0;
  let wb = 0;
  for (const x of a) {
    const w = idfOf(x);
    wa += w;
    if (sb.has(x)) inter += w;
  }
  for (const x of b) wb += idfOf(x);
  return { inter, wa, wb };
}

export function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * shared(a, b)) / (a.length + b.length);
}

/** Jaccard where each shared word counts by its IDF: sharing 路灯 says more than sharing 晚上. */
export function weightedJaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const { inter, wa, wb } = weighted(a, b);
  return inter / (wa + wb - inter);
}

/** Overlap coefficient: a short report inside a long one still scores high. */
export function overlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  return shared(a, b) / Math.min(a.length, b.length);
}

/** IDF-weighted overlap coefficient: shared weight over the lighter side's weight. */
export function weightedOverlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const { inter, wa, wb } = weighted(a, b);
  return inter / Math.min(wa, wb);
}
