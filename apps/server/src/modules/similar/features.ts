import { charBigrams, idfOf, wordTokens } from './text';

// Characters so common in complaints that a bigram holding one finds half the village's matters;
// such bigrams still count in the score, they just do not pick candidates.
const STOP_CHARS = new Set([...'的了是在我们你他她也都很就还有不这那个一上下里和与吗吧呢啊请要']);
const isKey = (bigram: string) => [...bigram].length === 2 && ![...bigram].some((c) => STOP_CHARS.has(c));

/** What is stored for a matter's text, and computed for a query the same way. */
export function featuresOf(villageCode: string, text: string) {
  const bigrams = charBigrams(text);
  const words = wordTokens(text);
  const weights = words.map(idfOf);
  return {
    bigrams,
    words,
    weights,
    wordWeight: weights.reduce((a, b) => a + b, 0),
    keys: bigrams.filter(isKey).map((b) => `${villageCode}:${b}`),
  };
}
