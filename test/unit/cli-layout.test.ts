// The CLI's layout helpers (src/cli/output.ts): what keeps every line inside the terminal (issue #19,
// "CLI output that fits"). Properties over random input with fast-check; the CLI tests
// (test/integration/cli-output.test.ts) check the commands' real output at 80 and 100 columns.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitColumns, terminalWidth, wrapText } from '../../src/cli/output.js';

const words = fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 40 });

describe('wrapText', () => {
  it('keeps every word, in order, and no line is wider than the width when every word fits a line', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 12, max: 120 }), (list, width) => {
        const text = list.join(' ');
        const lines = wrapText(text, width).split('\n');
        expect(lines.join(' ').split(/\s+/).filter(Boolean)).toEqual(list);
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
      }),
    );
  });

  it('never splits a backquoted command, and gives a word longer than a line a line of its own', () => {
    const command = '`gainsly-db adopt --dry-run --url postgres://example`';
    const lines = wrapText(`then run ${command} to see what adopt would change`, 20).split('\n');
    expect(lines.filter((line) => line.includes('`'))).toEqual([command]);
    const url = 'https://example.com/'.padEnd(60, 'x');
    expect(wrapText(`see ${url} for more`, 30).split('\n')).toEqual(['see', url, 'for more']);
  });

  it('breaks a long word only when asked (table cells), and then every line fits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,200}$/), fc.integer({ min: 1, max: 50 }), (word, width) => {
        const lines = wrapText(word, width, true).split('\n');
        expect(lines.join('')).toBe(word);
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
      }),
    );
  });

  it('does not count colour codes as width', () => {
    const red = (s: string) => `\u001b[31m${s}\u001b[39m`;
    const lines = wrapText(`${red('error')} ${'word '.repeat(10).trim()}`, 12).split('\n');
    for (const line of lines) expect(line.replace(/\u001b\[\d+m/g, '').length).toBeLessThanOrEqual(12);
    expect(lines[0]).toContain(red('error'));
  });
});

describe('fitColumns', () => {
  const naturals = fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 6 });

  it('leaves columns that fit as they are', () => {
    fc.assert(
      fc.property(naturals, fc.integer({ min: 0, max: 400 }), (natural, slack) => {
        const total = natural.reduce((a, b) => a + b, 0);
        expect(fitColumns(natural, total + slack)).toEqual(natural);
      }),
    );
  });

  it('fills exactly the available width when it is too narrow, never growing a column nor shrinking one below 4', () => {
    fc.assert(
      fc.property(naturals, fc.integer({ min: 0, max: 400 }), (natural, room) => {
        const total = natural.reduce((a, b) => a + b, 0);
        // Narrower than the content, but wide enough for every column's minimum of 4.
        const available = Math.max(4 * natural.length, total - 1 - room);
        fc.pre(available < total);
        const widths = fitColumns(natural, available);
        expect(widths).toHaveLength(natural.length);
        expect(widths.reduce((a, b) => a + b, 0)).toBe(available);
        widths.forEach((w, i) => {
          expect(w).toBeGreaterThanOrEqual(Math.min(4, natural[i]!));
          expect(w).toBeLessThanOrEqual(Math.max(natural[i]!, 4));
        });
      }),
    );
  });

  it('keeps a narrow column whole and gives the rest to the wide one', () => {
    // severity | finding, at 80 columns: the severity column keeps its 11, the finding takes 69.
    expect(fitColumns([11, 280], 80)).toEqual([11, 69]);
  });
});

describe('terminalWidth', () => {
  const piped = { isTTY: false } as const;
  it('is the terminal width on a terminal, else COLUMNS, else 80; never under 40', () => {
    expect(terminalWidth({ isTTY: true, columns: 132 } as never, {})).toBe(132);
    expect(terminalWidth(piped as never, { COLUMNS: '100' })).toBe(100);
    expect(terminalWidth(piped as never, {})).toBe(80);
    expect(terminalWidth(piped as never, { COLUMNS: 'wide' })).toBe(80);
    expect(terminalWidth({ isTTY: true, columns: 20 } as never, {})).toBe(40);
    expect(terminalWidth(piped as never, { COLUMNS: '0' })).toBe(80);
  });
});
