import { isConcept, isFault, isThing } from './concepts';
import { dice, weightedJaccard } from './text';

export interface TextFeatures {
  bigrams: readonly string[];
  /** jieba words and thesaurus concepts (`#T:…`, `#F:…`, concepts.ts). */
  words: readonly string[];
}

/** Bigrams catch shared characters across different word cuts; IDF words catch the rare topic word. */
export function lexicalScore(a: TextFeatures, b: TextFeatures): number {
  const wa = a.words.filter((w) => !isConcept(w));
  const wb = b.words.filter((w) => !isConcept(w));
  return (dice(a.bigrams, b.bigrams) + weightedJaccard(wa, wb)) / 2;
}

/**
 * What the two reports are about: the things they share (Dice), discounted when both say what is
 * wrong and say different things (a light that is broken is not a light that is wanted).
 */
export function conceptScore(a: TextFeatures, b: TextFeatures): number {
  const ta = a.words.filter(isThing);
  const tb = b.words.filter(isThing);
  const things = dice(ta, tb);
  if (things === 0) return 0;
  const fa = a.words.filter(isFault);
  const fb = b.words.filter(isFault);
  if (fa.length === 0 || fb.length === 0) return things * FAULT_UNKNOWN;
  const faults = dice(fa, fb);
  return faults === 0 ? things * FAULT_CONFLICT : things * (FAULT_SHARED + (1 - FAULT_SHARED) * faults);
}

const FAULT_UNKNOWN = 0.5;
const FAULT_CONFLICT = 0.1;
const FAULT_SHARED = 0.5;
const CONCEPT_SHARE = 0.6;

/** The lookup's score (docs/similar.md): the concepts first, the words and characters beside them. */
export function combinedScore(a: TextFeatures, b: TextFeatures): number {
  return CONCEPT_SHARE * conceptScore(a, b) + (1 - CONCEPT_SHARE) * lexicalScore(a, b);
}
