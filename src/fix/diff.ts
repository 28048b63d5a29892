import { applyEdits, sortedEdits, TextEdit } from './edits';

/**
 * A unified diff (`diff -u` format, readable by `patch` and `git apply`) of a text and the edits made to it.
 * The fixer knows exactly what it changed, so the diff comes from the edits themselves: each edit is widened to
 * the whole lines it touches, and nearby changes share a hunk. Linear in the size of the text, whatever the
 * number of edits (a general diff of a 4 MB description with a thousand insertions would not be).
 */
export function unifiedDiff(
  before: string,
  edits: readonly TextEdit[],
  labels: { from: string; to: string },
  context = 3,
): string {
  const lines = new Lines(before);
  const blocks = changedBlocks(before, lines, edits);
  if (blocks.length === 0) return '';
  const output = [`--- ${labels.from}\n`, `+++ ${labels.to}\n`];
  let shift = 0; // new line number minus old line number, before the current block
  for (let first = 0; first < blocks.length;) {
    let last = first;
    while (last + 1 < blocks.length && blocks[last + 1].from - blocks[last].to <= 2 * context) last++;
    const start = Math.max(0, blocks[first].from - context);
    const end = Math.min(lines.count, blocks[last].to + context);
    const body: string[] = [];
    let oldLength = 0;
    let newLength = 0;
    const contextLines = (from: number, to: number) => {
      for (let line = from; line < to; line++) {
        body.push(printed(' ', lines.text(line)));
        oldLength++;
        newLength++;
      }
    };
    contextLines(start, blocks[first].from);
    let hunkShift = 0;
    for (let index = first; index <= last; index++) {
      const block = blocks[index];
      if (index > first) contextLines(blocks[index - 1].to, block.from);
      for (const line of block.removed) body.push(printed('-', line));
      for (const line of block.added) body.push(printed('+', line));
      oldLength += block.removed.length;
      newLength += block.added.length;
      hunkShift += block.added.length - block.removed.length;
    }
    contextLines(blocks[last].to, end);
    const oldStart = oldLength === 0 ? start : start + 1;
    const newStart = newLength === 0 ? start + shift : start + shift + 1;
    output.push(`@@ -${oldStart},${oldLength} +${newStart},${newLength} @@\n`, ...body);
    shift += hunkShift;
    first = last + 1;
  }
  return output.join('');
}

interface Block {
  /** Old lines [from, to) replaced... */
  from: number;
  to: number;
  removed: string[];
  /** ...by these lines (each with its line end, the last one possibly without). */
  added: string[];
}

/** The edits widened to whole lines, merged where they touch the same or adjacent lines. */
function changedBlocks(before: string, lines: Lines, edits: readonly TextEdit[]): Block[] {
  const spans = sortedEdits(edits).map((edit) => ({ edit, ...lineSpanOf(before, lines, edit) }));
  const blocks: Block[] = [];
  for (let index = 0; index < spans.length;) {
    const group = [spans[index]];
    let to = spans[index].to;
    while (index + group.length < spans.length && spans[index + group.length].from <= to) {
      to = Math.max(to, spans[index + group.length].to);
      group.push(spans[index + group.length]);
    }
    const from = group[0].from;
    const offset = lines.start(from);
    const oldText = before.slice(offset, lines.start(to));
    const newText = applyEdits(
      oldText,
      group.map(({ edit }) => ({ start: edit.start - offset, end: edit.end - offset, text: edit.text })),
    );
    if (oldText !== newText) blocks.push({ from, to, removed: splitLines(oldText), added: splitLines(newText) });
    index += group.length;
  }
  return blocks;
}

/**
 * The old lines an edit touches. Whole lines replaced by whole lines (an entry inserted or removed in a YAML block
 * map) touch only those; an edit inside a line (a comma and an entry after a JSON value) touches its lines whole.
 */
function lineSpanOf(text: string, lines: Lines, edit: TextEdit): { from: number; to: number } {
  const from = lines.lineOf(edit.start);
  const wholeLines =
    lines.start(from) === edit.start &&
    lines.start(lines.lineOf(edit.end)) === edit.end &&
    (edit.text === '' || edit.text.endsWith('\n'));
  if (wholeLines) return { from, to: lines.lineOf(edit.end) };
  return { from, to: Math.min(lines.count, lines.lineOf(edit.end) + 1) };
}

function printed(prefix: string, line: string): string {
  return line.endsWith('\n') ? `${prefix}${line}` : `${prefix}${line}\n\\ No newline at end of file\n`;
}

function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline + 1;
    lines.push(text.slice(start, end));
    start = end;
  }
  return lines;
}

/** Line starts of a text, for line numbers of offsets. A text's last line may lack its line end. */
class Lines {
  private readonly starts: number[] = [0];
  readonly count: number;

  constructor(private readonly content: string) {
    for (let index = content.indexOf('\n'); index >= 0; index = content.indexOf('\n', index + 1))
      this.starts.push(index + 1);
    // A final line end opens no line of its own.
    if (this.starts[this.starts.length - 1] === content.length) this.starts.pop();
    this.count = this.starts.length;
  }

  /** The offset a line starts at; the text's length for the line after the last. */
  start(line: number): number {
    return line >= this.count ? this.content.length : this.starts[line];
  }

  /** The line an offset is on; `count` for the text's end when it ends with a line end. */
  lineOf(offset: number): number {
    if (offset >= this.content.length)
      return this.content.endsWith('\n') || this.content === '' ? this.count : this.count - 1;
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  text(line: number): string {
    return this.content.slice(this.start(line), this.start(line + 1));
  }
}
