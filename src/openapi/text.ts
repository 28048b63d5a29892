/**
 * Description matching over word lists: one pass over the text, no backtracking regular expressions,
 * so a 200 KB description costs no more than reading it. Every matcher below visits each word once and, at each
 * word, tries a fixed, small list of phrases: linear in the text's length.
 */

/** Lower-case words of a text; underscores and apostrophes stay inside words (`insufficient_scope`, `don't`). */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9_']+/)
    .map(withoutEdgeApostrophes)
    .filter((word) => word.length > 0);
}

/** `'permissions'` (a quoted word) is the word `permissions`; a loop, not a regular expression, stays linear. */
function withoutEdgeApostrophes(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && word[start] === "'") start++;
  while (end > start && word[end - 1] === "'") end--;
  return word.slice(start, end);
}

/** In a phrase, `*` stands for any one word: `not authorized to *` is "not authorized to" and the verb after it. */
const ANY_WORD = '*';

/**
 * The first place where one of `phrases` (space-separated words, `*` for any word) occurs as consecutive whole
 * words, as the words found there. A place where one of `unless` starts does not count: `not authenticated`
 * is an authentication failure, `not authenticated as the owner` an identity check.
 */
export function findPhrase(
  words: readonly string[],
  phrases: readonly string[],
  unless: readonly string[] = [],
): string | undefined {
  const wanted = phrases.map(wordsOfPhrase);
  const excluded = unless.map(wordsOfPhrase);
  for (let start = 0; start < words.length; start++) {
    const found = wanted.find((phrase) => phraseStartsAt(words, start, phrase));
    if (found === undefined || excluded.some((phrase) => phraseStartsAt(words, start, phrase))) continue;
    return words.slice(start, start + found.length).join(' ');
  }
  return undefined;
}

/**
 * A word of `firsts` followed, within `distance` words, by a phrase of `seconds`
 * ("missing or invalid access token": `invalid` … `token`, two words apart), as the words that matched.
 */
export function findNearbyPair(
  words: readonly string[],
  firsts: ReadonlySet<string>,
  seconds: readonly string[],
  distance: number,
): string | undefined {
  const wanted = seconds.map(wordsOfPhrase);
  let lastFirst = -1;
  for (let i = 0; i < words.length; i++) {
    if (lastFirst >= 0 && i - lastFirst <= distance) {
      const second = wanted.find((phrase) => phraseStartsAt(words, i, phrase));
      if (second !== undefined) return words.slice(lastFirst, i + second.length).join(' ');
    }
    if (firsts.has(words[i])) lastFirst = i;
  }
  return undefined;
}

/**
 * The other order: a phrase of `firsts` whose last word is followed, within `distance` words, by a word of
 * `seconds` that `accepted` keeps ("credentials are incorrect": `credentials` … `incorrect`, two words apart),
 * as the words that matched. `accepted` is given the words and the second word's index, and looks at a fixed
 * number of words around it, so the walk stays linear.
 */
export function findNearbyPairAfter(
  words: readonly string[],
  firsts: readonly string[],
  seconds: ReadonlySet<string>,
  distance: number,
  accepted: (words: readonly string[], index: number) => boolean = () => true,
): string | undefined {
  const wanted = firsts.map(wordsOfPhrase);
  let firstStart = -1;
  let firstEnd = -1;
  for (let i = 0; i < words.length; i++) {
    if (firstEnd >= 0 && i > firstEnd && i - firstEnd <= distance && seconds.has(words[i]) && accepted(words, i)) {
      return words.slice(firstStart, i + 1).join(' ');
    }
    const first = wanted.find((phrase) => phraseStartsAt(words, i, phrase));
    if (first !== undefined) {
      firstStart = i;
      firstEnd = i + first.length - 1;
    }
  }
  return undefined;
}

function wordsOfPhrase(phrase: string): string[] {
  return phrase.split(' ');
}

function phraseStartsAt(words: readonly string[], start: number, phrase: readonly string[]): boolean {
  return phrase.every((word, offset) => {
    const actual = words[start + offset];
    return actual !== undefined && (word === ANY_WORD || actual === word);
  });
}
