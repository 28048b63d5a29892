import { createProgressLine, PROGRESS_DELAY_MS, wantsProgress } from '../../src/cli/progress';

/** A terminal as far as the progress line sees one: what was written, in order. */
function fakeTerminal(columns?: number) {
  const written: string[] = [];
  return { isTTY: true, columns, written, write: (text: string) => written.push(text) };
}

describe('when a progress line is wanted', () => {
  test('on a terminal, outside CI, without --quiet', () => {
    expect(wantsProgress({ isTTY: true }, {}, false)).toBe(true);
    expect(wantsProgress({ isTTY: true }, { CI: 'false' }, false)).toBe(true);
  });

  test('never on a pipe or a file, in CI, or with --quiet', () => {
    expect(wantsProgress({ isTTY: false }, {}, false)).toBe(false);
    expect(wantsProgress({}, {}, false)).toBe(false);
    expect(wantsProgress({ isTTY: true }, { CI: 'true' }, false)).toBe(false);
    expect(wantsProgress({ isTTY: true }, { CI: '1' }, false)).toBe(false);
    expect(wantsProgress({ isTTY: true }, {}, true)).toBe(false);
  });
});

describe('the progress line', () => {
  let clock: number;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000_000;
  });

  test('says nothing during the first seconds, so that a short run leaves no trace', () => {
    const terminal = fakeTerminal();
    const line = createProgressLine(3, terminal, '/repo', now);
    line.started('/repo/apis/a.yaml');
    line.done();
    clock += PROGRESS_DELAY_MS - 1;
    line.tick();
    line.finish();
    expect(terminal.written).toEqual([]);
  });

  test('then shows documents done of all and the current file, rewritten in place, and is erased at the end', () => {
    const terminal = fakeTerminal();
    const line = createProgressLine(3, terminal, '/repo', now);
    clock += PROGRESS_DELAY_MS;
    line.tick();
    line.started('/repo/apis/a.yaml');
    line.tick();
    line.tick(); // nothing changed: nothing written
    line.done();
    line.started('/repo/apis/b.yaml');
    line.tick();
    line.finish();
    expect(terminal.written).toEqual([
      '\r\u001b[2Kspectral-auth-responses: 0/3 documents',
      '\r\u001b[2Kspectral-auth-responses: 0/3 documents, apis/a.yaml',
      '\r\u001b[2Kspectral-auth-responses: 1/3 documents, apis/b.yaml',
      '\r\u001b[2K',
    ]);
  });

  test('fits the terminal, keeping the end of the path', () => {
    const terminal = fakeTerminal(80);
    const line = createProgressLine(530, terminal, '/repo', now);
    line.started('/repo/specifications/resource-manager/Microsoft.Compute/stable/compute.json');
    clock += PROGRESS_DELAY_MS;
    line.tick();
    const shown = terminal.written[0].replace('\r\u001b[2K', '');
    expect(shown.length).toBe(79);
    expect(shown).toMatch(/^spectral-auth-responses: 0\/530 documents, …[^…]*\/stable\/compute\.json$/);
  });

  test('shows the whole line on a terminal of unknown width, and only the counts on a very narrow one', () => {
    const shownAt = (columns: number) => {
      const terminal = fakeTerminal(columns);
      const line = createProgressLine(2, terminal, '/repo', now);
      line.started('/repo/apis/a.yaml');
      clock += PROGRESS_DELAY_MS;
      line.tick();
      return terminal.written;
    };
    expect(shownAt(0)).toEqual(['\r\u001b[2Kspectral-auth-responses: 0/2 documents, apis/a.yaml']);
    expect(shownAt(20)).toEqual(['\r\u001b[2Kspectral-auth-respo']);
  });
});
