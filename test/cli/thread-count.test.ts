import { join } from 'node:path';
import { largestFirst } from '../../src/cli/lint-in-threads';
import { AUTO_DOCUMENTS_PER_THREAD, threadCount } from '../../src/cli/thread-count';
import { removeWorkspace, workspace } from './run-cli';

describe('how many worker threads lint the documents', () => {
  test('off: none; a number: that many, never more than the documents', () => {
    expect(threadCount('off', 500, 8)).toBe(0);
    expect(threadCount(3, 500, 2)).toBe(3);
    expect(threadCount(4, 2, 8)).toBe(2);
    expect(threadCount(2, 0, 8)).toBe(0);
  });

  test('auto: one per core when there are documents enough for all', () => {
    expect(threadCount('auto', 530, 2)).toBe(2);
    expect(threadCount('auto', 530, 16)).toBe(16);
  });

  test('auto: fewer threads for fewer documents, and none below two threads’ worth', () => {
    expect(threadCount('auto', 4 * AUTO_DOCUMENTS_PER_THREAD, 16)).toBe(4);
    expect(threadCount('auto', 2 * AUTO_DOCUMENTS_PER_THREAD, 8)).toBe(2);
    expect(threadCount('auto', 2 * AUTO_DOCUMENTS_PER_THREAD - 1, 8)).toBe(0);
    expect(threadCount('auto', 5, 8)).toBe(0);
    expect(threadCount('auto', 530, 1)).toBe(0);
  });
});

describe('the order documents are handed to the threads in', () => {
  test('largest first, ties and unreadable files (as empty) in the order given', () => {
    const root = workspace({
      'small.yaml': 'a: 1\n',
      'large.yaml': `a: '${'x'.repeat(500)}'\n`,
      'same.yaml': 'b: 2\n',
    });
    try {
      const files = ['small.yaml', 'missing.yaml', 'large.yaml', 'same.yaml'].map((name) => join(root, name));
      expect(largestFirst(files)).toEqual([2, 0, 3, 1]);
    } finally {
      removeWorkspace(root);
    }
  });
});
