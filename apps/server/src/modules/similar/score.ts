import { familiesOf, isConcept, isFault, isThing } from './concepts';
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
  const things = related(a.words.filter(isThing), b.words.filter(isThing), THING_FAMILY);
  if (things === 0) return 0;
  const fa = a.words.filter(isFault);
  const fb = b.words.filter(isFault);
  if (fa.length === 0 || fb.length === 0) return things * FAULT_UNKNOWN;
  const faults = related(fa, fb, FAULT_FAMILY);
  return things * (FAULT_CONFLICT + (1 - FAULT_CONFLICT) * Math.sqrt(faults));
}

/** Dice of the concepts, or a part of it for concepts of one family only. */
function related(a: readonly string[], b: readonly string[], familyShare: number): number {
  if (a.length === 0 || b.length === 0) return 0;
  const same = dice(a, b);
  if (same > 0) return same;
  const fam = (xs: readonly string[]) => [...new Set(xs.flatMap(familiesOf))];
  return familyShare * dice(fam(a), fam(b));
}

const THING_FAMILY = 0.5;
const FAULT_FAMILY = 0.2;
const FAULT_UNKNOWN = 0.5;
const FAULT_CONFLICT = 0.15;
const CONCEPT_SHARE = 0.8;

/** The lookup's score (docs/similar.md): the concepts first, the words and characters beside them. */
export function combinedScore(a: TextFeatures, b: TextFeatures): number {
  // A text the thesaurus knows nothing of is judged by its words alone (the score before the thesaurus).
  if (!a.words.some(isThing) || !b.words.some(isThing)) return lexicalScore(a, b);
  return CONCEPT_SHARE * conceptScore(a, b) + (1 - CONCEPT_SHARE) * lexicalScore(a, b);
}
