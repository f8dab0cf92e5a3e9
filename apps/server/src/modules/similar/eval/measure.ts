/**
 * The evaluation of the similar-matter lookup on a labelled set (docs/similar.md): the same
 * protocol for the real lookup (similar-eval.api.test.ts, through HTTP and the database) and for
 * the character-bigram Jaccard baseline computed beside it.
 *
 * Three rounds; in round r each problem is filed once, in its wording r, and
 * - recall@3: every other wording is asked; a hit when that problem's matter is among the first
 *   three answers. The hard negatives are filed too in this phase, as distractors.
 * - hard-negative false positives: with only the problems filed, every hard negative is asked; a
 *   false positive when the problem it imitates is among the first three answers.
 */
import { charBigrams, jaccard } from '../text';

export interface LabelledProblem {
  key: string;
  wordings: string[];
  negatives: string[];
}

export interface Filed {
  /** The problem's key, or `neg:<key>:<i>` for a filed hard negative. */
  label: string;
  text: string;
}

/** What one phase of one round files, and what it asks. */
export interface Phase {
  round: number;
  kind: 'recall' | 'negatives';
  filed: Filed[];
  asks: { text: string; expect: string }[];
}

export function phasesOf(problems: LabelledProblem[]): Phase[] {
  const rounds = Math.min(...problems.map((p) => p.wordings.length));
  const phases: Phase[] = [];
  for (let r = 0; r < rounds; r++) {
    const filed = problems.map((p) => ({ label: p.key, text: p.wordings[r] as string }));
    const negatives = problems.flatMap((p) => p.negatives.map((text, i) => ({ label: `neg:${p.key}:${i}`, text })));
    phases.push({
      round: r,
      kind: 'recall',
      filed: [...filed, ...negatives],
      asks: problems.flatMap((p) => p.wordings.filter((_, i) => i !== r).map((text) => ({ text, expect: p.key }))),
    });
    phases.push({ round: r, kind: 'negatives', filed, asks: problems.flatMap((p) => p.negatives.map((text) => ({ text, expect: p.key }))) });
  }
  return phases;
}

export interface Tally {
  recallAsks: number;
  recallHits: number;
  negativeAsks: number;
  falsePositives: number;
  misses: { round: number; text: string; expect: string; got: string[] }[];
  falseHits: { round: number; text: string; expect: string; got: string[] }[];
}

export const emptyTally = (): Tally => ({ recallAsks: 0, recallHits: 0, negativeAsks: 0, falsePositives: 0, misses: [], falseHits: [] });

/** Counts one answer (labels best first, as the lookup returned them). */
export function count(t: Tally, phase: Phase, ask: { text: string; expect: string }, answer: string[]): void {
  const top = answer.slice(0, 3);
  const found = top.includes(ask.expect);
  const row = { round: phase.round, text: ask.text, expect: ask.expect, got: top };
  if (phase.kind === 'recall') {
    t.recallAsks++;
    if (found) t.recallHits++;
    else t.misses.push(row);
  } else {
    t.negativeAsks++;
    if (found) {
      t.falsePositives++;
      t.falseHits.push(row);
    }
  }
}

export const recallAt3 = (t: Tally) => t.recallHits / t.recallAsks;
export const falsePositiveRate = (t: Tally) => t.falsePositives / t.negativeAsks;

/**
 * The baseline: every filed matter ranked by the Jaccard of plain character bigrams (no
 * dictionary, no threshold), newest first among equals, as the lookup orders ties.
 */
export function bigramBaseline(filed: Filed[], text: string): string[] {
  const q = charBigrams(text);
  return filed
    .map((f, i) => ({ label: f.label, i, s: jaccard(q, charBigrams(f.text)) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || b.i - a.i)
    .map((x) => x.label);
}
