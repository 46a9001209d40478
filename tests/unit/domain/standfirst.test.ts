import { describe, expect, it } from 'vitest';
import { showsStandfirst } from '../../../src/domain/standfirst';

describe('showsStandfirst', () => {
  it('hides a summary that is the whole body (a summary-only feed item)', () => {
    const text = 'The harbour ferry will run a reduced timetable through December.\n\nCouncillors said so.';
    expect(showsStandfirst('The harbour ferry will run a reduced timetable through December.  Councillors said so.', text)).toBe(false);
  });

  it("hides an excerpt of the body's opening words, whatever its ellipsis", () => {
    const text = 'Forty closures were announced on Monday, the council said, after a long review.';
    for (const dek of ['Forty closures were announced on Monday…', 'Forty closures were announced on Monday [ … ]', 'forty closures were announced on Monday [...]', 'Forty closures were announced ...']) {
      expect(showsStandfirst(dek, text), dek).toBe(false);
    }
  });

  it('shows a standfirst that says something of its own', () => {
    expect(showsStandfirst('A week of delays ends with a new plan.', 'Forty closures were announced on Monday.')).toBe(true);
    // Sharing only the first words is not a repeat.
    expect(showsStandfirst('Forty closures, and what comes next', 'Forty closures were announced on Monday.')).toBe(true);
  });

  it('shows nothing for an empty standfirst, and refuses non-strings', () => {
    expect(showsStandfirst('  …  ', 'Body.')).toBe(false);
    expect(showsStandfirst('', 'Body.')).toBe(false);
    expect(() => showsStandfirst(undefined as unknown as string, 'Body.')).toThrow(TypeError);
  });
});
