// The sections of docs/performance.md that other benchmarks write between markers, and that `npm run bench`
// (which writes the rest of the page) keeps as they are.

/** @typedef {{ begin: string, end: string }} Section */

/** Written by `npm run bench:startup` (scripts/startup-bench.mjs). */
export const STARTUP = {
  begin: '<!-- BEGIN start-up: written by `npm run bench:startup` -->',
  end: '<!-- END start-up -->',
};

/** Written by `npm run bench:many` (scripts/many-documents-bench.mjs). */
export const MANY_DOCUMENTS = {
  begin: '<!-- BEGIN many documents: written by `npm run bench:many` -->',
  end: '<!-- END many documents -->',
};

export const KEPT_SECTIONS = [STARTUP, MANY_DOCUMENTS];

/**
 * The section's text in the page, markers included, or '' when the page has none.
 * @param {string} page
 * @param {Section} section
 */
export function sectionOf(page, { begin, end }) {
  const from = page.indexOf(begin);
  const to = page.indexOf(end);
  return from === -1 || to === -1 ? '' : page.slice(from, to + end.length);
}

/**
 * The page with the section replaced, or added at its end when it has none. `text` holds the markers.
 * @param {string} page
 * @param {Section} section
 * @param {string} text
 */
export function withSection(page, section, text) {
  const current = sectionOf(page, section);
  return current === '' ? `${page.trimEnd()}\n\n${text}\n` : page.replace(current, () => text);
}
