// The human-readable table: one row per figure, its value, its target and whether it is met.

/** One table row; `section` rows are headings. */
export interface Row {
  figure: string;
  value?: string;
  target?: string;
  ok?: boolean | null;
  note?: string;
  section?: boolean;
}

/** Renders rows as aligned plain text (monospace terminals and a Markdown code block alike). */
export function renderTable(rows: readonly Row[]): string {
  const body = rows.filter((r) => !r.section);
  const w1 = Math.max('Figure'.length, ...body.map((r) => r.figure.length));
  const w2 = Math.max('Value'.length, ...body.map((r) => (r.value ?? '').length));
  const w3 = Math.max('Target'.length, ...body.map((r) => (r.target ?? '').length));
  const mark = (ok: boolean | null | undefined) => (ok === true ? '✓' : ok === false ? '✗' : ' ');
  const line = (a: string, b: string, c: string, d: string, e: string) => `${a.padEnd(w1)}  ${b.padStart(w2)}  ${c.padEnd(w3)}  ${d}  ${e}`.trimEnd();
  const out = [line('Figure', 'Value', 'Target', ' ', 'Note'), '-'.repeat(w1 + w2 + w3 + 10)];
  for (const r of rows) {
    if (r.section) out.push('', r.figure);
    else out.push(line(r.figure, r.value ?? '', r.target ?? '', mark(r.ok), r.note ?? ''));
  }
  return out.join('\n');
}
