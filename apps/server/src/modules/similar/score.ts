import { dice, weightedJaccard } from './text';

export interface TextFeatures {
  bigrams: readonly string[];
  words: readonly string[];
}

/** Bigrams catch shared characters across different word cuts; IDF words catch the rare topic word. */
export function combinedScore(a: TextFeatures, b: TextFeatures): number {
  return (dice(a.bigrams, b.bigrams) + weightedJaccard(a.words, b.words)) / 2;
}
