// The markers of docs/performance.md's start-up section: written by `npm run bench:startup`, kept by `npm run bench`.
export const STARTUP_BEGIN = '<!-- BEGIN start-up: written by `npm run bench:startup` -->';
export const STARTUP_END = '<!-- END start-up -->';
