// The screens' date reader and writer against the table the core recorded from
// `src/model/era.rs` (tests/mock_fixtures.rs writes `$date_cases` and `$date_styles` into
// the catalogue fixture): any case where the two disagree fails here, so the UI cannot drift
// into a rule of its own.
import { describe, expect, it } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import catalogue from '../mock/fixtures/catalogue.json';
import type { DateProblem } from '../bindings/DateProblem';
import type { DateStyle } from '../bindings/DateStyle';
import { readDate, writeDate } from './dates';

type Case = { args: { text: string }; ok?: string; err?: DateProblem };
type Styles = { args: { date: string }; ok: Record<DateStyle, string> };

const recorded = catalogue as unknown as { $date_cases: Case[]; $date_styles: Styles[] };

describe('dates as the core reads and writes them', () => {
  it('has a table to check against', () => {
    expect(recorded.$date_cases.length).toBeGreaterThan(30);
    expect(recorded.$date_styles.length).toBeGreaterThan(30);
  });

  it('reads every recorded input as the core does', () => {
    const disagreements: string[] = [];
    for (const c of recorded.$date_cases) {
      const expected = c.ok !== undefined ? { ok: c.ok } : { problem: c.err };
      const found = readDate(c.args.text);
      if (!isDeepStrictEqual(found, expected)) {
        disagreements.push(`${JSON.stringify(c.args.text)}: core ${JSON.stringify(expected)}, UI ${JSON.stringify(found)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('writes every recorded date in every style as the core does', () => {
    const disagreements: string[] = [];
    for (const c of recorded.$date_styles) {
      for (const [style, text] of Object.entries(c.ok) as [DateStyle, string][]) {
        const found = writeDate(c.args.date, style);
        if (found !== text) disagreements.push(`${c.args.date} ${style}: core ${text}, UI ${found}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
