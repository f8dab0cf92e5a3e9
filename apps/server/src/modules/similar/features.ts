import { conceptsOf, isConcept, isThing } from './concepts';
import { charBigrams, idfOf, normalize, wordTokens } from './text';

// Characters so common in complaints that a bigram holding one finds half the village's matters;
// such bigrams still count in the score, they just do not pick candidates.
const STOP_CHARS = new Set([...'的了是在我们你他她也都很就还有不这那个一上下里和与吗吧呢啊请要']);
const isKey = (bigram: string) => [...bigram].length === 2 && ![...bigram].some((c) => STOP_CHARS.has(c));

// A concept weighs as a rare word (jieba's IDF of 路灯 is 9.6).
const CONCEPT_WEIGHT = 10;

/** What is stored for a matter's text, and computed for a query the same way. */
export function featuresOf(villageCode: string, text: string) {
  const bigrams = charBigrams(text);
  const concepts = conceptsOf(normalize(text));
  const words = [...wordTokens(text), ...concepts];
  const weights = words.map((w) => (isConcept(w) ? CONCEPT_WEIGHT : idfOf(w)));
  return {
    bigrams,
    words,
    weights,
    wordWeight: weights.reduce((a, b) => a + b, 0),
    // A matter is a candidate when it shares a content bigram or a thing (狗 and 犬 share no bigram).
    keys: [...bigrams.filter(isKey), ...concepts.filter(isThing)].map((b) => `${villageCode}:${b}`),
  };
}
