/**
 * Description matching over word lists: one pass over the text, no backtracking regular expressions,
 * so a 200 KB description costs no more than reading it.
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

/** The first of `phrases` (space-separated words) that occurs as consecutive whole words. */
export function findPhrase(words: readonly string[], phrases: readonly string[]): string | undefined {
  for (let start = 0; start < words.length; start++) {
    const found = phrases.find((phrase) => phraseStartsAt(words, start, phrase));
    if (found !== undefined) return found;
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
  let lastFirst = -1;
  for (let i = 0; i < words.length; i++) {
    if (lastFirst >= 0 && i - lastFirst <= distance) {
      const second = seconds.find((phrase) => phraseStartsAt(words, i, phrase));
      if (second !== undefined) return words.slice(lastFirst, i).concat(second).join(' ');
    }
    if (firsts.has(words[i])) lastFirst = i;
  }
  return undefined;
}

function phraseStartsAt(words: readonly string[], start: number, phrase: string): boolean {
  const wanted = phrase.split(' ');
  return wanted.every((word, offset) => words[start + offset] === word);
}
