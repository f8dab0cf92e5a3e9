// Measures duplicate detection on the labelled set bench/data/similar-eval.json:
//   npx tsx bench/similar-eval.mjs
// For every item that has paraphrases in the set, ranks all other items by each candidate score and
// reports precision@1 (the top hit is a paraphrase), recall@3 (share of its paraphrases in the top 3),
// MRR, and the best-F1 threshold for "likely duplicate" over all pairs. Writes bench/results/similar-eval.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { charBigrams, dice, jaccard, overlap, weightedJaccard, weightedOverlap, wordTokens } from '../apps/server/src/modules/similar/text.ts';
import { combinedScore } from '../apps/server/src/modules/similar/score.ts';
import { featuresOf } from '../apps/server/src/modules/similar/features.ts';
import { ROOT, writeResult } from './lib.mjs';

const { items } = JSON.parse(readFileSync(path.join(ROOT, 'bench/data/similar-eval.json'), 'utf8'));
const n = items.length;

// pg_trgm on the embedded database (PostgreSQL gives the same numbers: same code, multibyte trigrams hashed).
const pglite = await PGlite.create({ extensions: { pg_trgm } });
await pglite.exec('create extension pg_trgm');
const trgm = Array.from({ length: n }, () => new Float64Array(n));
for (let i = 0; i < n; i++) {
  const { rows } = await pglite.query('select similarity($1, t) as s from unnest($2::text[]) with ordinality as u(t, k) order by k', [
    items[i].text,
    items.map((x) => x.text),
  ]);
  rows.forEach((r, j) => {
    trgm[i][j] = Number(r.s);
  });
}
await pglite.close();

const bigrams = items.map((x) => charBigrams(x.text));
const words = items.map((x) => wordTokens(x.text));
// The lookup's own words: jieba's and the thesaurus concepts (concepts.ts).
const lookupWords = items.map((x) => featuresOf('', x.text).words);
const candidates = {
  'pg_trgm similarity': (i, j) => trgm[i][j],
  'bigram Jaccard': (i, j) => jaccard(bigrams[i], bigrams[j]),
  'bigram Dice': (i, j) => dice(bigrams[i], bigrams[j]),
  'jieba Jaccard': (i, j) => jaccard(words[i], words[j]),
  'jieba IDF-weighted Jaccard': (i, j) => weightedJaccard(words[i], words[j]),
  'bigram overlap coefficient': (i, j) => overlap(bigrams[i], bigrams[j]),
  'jieba IDF-weighted overlap': (i, j) => weightedOverlap(words[i], words[j]),
  'combined overlap (bigram + jieba IDF)': (i, j) => (overlap(bigrams[i], bigrams[j]) + weightedOverlap(words[i], words[j])) / 2,
  'lookup (thesaurus concepts + bigram Dice + jieba IDF)': (i, j) =>
    combinedScore({ bigrams: bigrams[i], words: lookupWords[i] }, { bigrams: bigrams[j], words: lookupWords[j] }),
};

function evaluate(score) {
  let queries = 0;
  let p1 = 0;
  let r3 = 0;
  let mrr = 0;
  const pairs = [];
  for (let i = 0; i < n; i++) {
    const ranked = [];
    for (let j = 0; j < n; j++) if (j !== i) ranked.push({ j, s: score(i, j) });
    ranked.sort((a, b) => b.s - a.s);
    for (const r of ranked) if (r.j > i) pairs.push({ s: r.s, dup: items[i].group !== null && items[i].group === items[r.j].group });
    if (items[i].group === null) continue;
    const dups = new Set(items.map((x, j) => (j !== i && x.group === items[i].group ? j : -1)).filter((j) => j >= 0));
    if (dups.size === 0) continue;
    queries++;
    if (dups.has(ranked[0].j)) p1++;
    r3 += ranked.slice(0, 3).filter((r) => dups.has(r.j)).length / Math.min(3, dups.size);
    const firstHit = ranked.findIndex((r) => dups.has(r.j));
    mrr += 1 / (firstHit + 1);
  }
  pairs.sort((a, b) => b.s - a.s);
  const totalDup = pairs.filter((p) => p.dup).length;
  let tp = 0;
  let best = { f1: 0, threshold: 1, precision: 0, recall: 0 };
  pairs.forEach((p, k) => {
    if (p.dup) tp++;
    const precision = tp / (k + 1);
    const recall = tp / totalDup;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    if (f1 > best.f1 && (k + 1 === pairs.length || pairs[k + 1].s < p.s)) best = { f1, threshold: p.s, precision, recall };
  });
  const r = (x) => Math.round(x * 1000) / 1000;
  return {
    queries,
    precisionAt1: r(p1 / queries),
    recallAt3: r(r3 / queries),
    mrr: r(mrr / queries),
    bestF1: r(best.f1),
    atThreshold: r(best.threshold),
    precision: r(best.precision),
    recall: r(best.recall),
  };
}

const results = {};
for (const [name, score] of Object.entries(candidates)) results[name] = evaluate(score);
console.table(results);
console.log(`wrote ${writeResult('similar-eval', { date: new Date().toISOString(), items: n, results })}`);
