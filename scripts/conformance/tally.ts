// Counting for the conformance run: checks, crashes, and what we do not model.
import { htmlToPlain } from '../../src/sources/feed-text';
import { canonicalUrl } from '../../src/sources/normalize';
import { SourceParseError } from '../../src/sources/parse-error';

/** Results for one corpus (or one part of one). */
export class Tally {
  cases = 0;
  passed = 0;
  failed = 0;
  crashes = 0;
  notModelled = 0;
  readonly failures: string[] = [];
  readonly crashList: string[] = [];
  constructor(readonly name: string) {}

  /** Records one check on a modelled field. */
  check(where: string, ok: boolean, got?: unknown, want?: unknown): void {
    if (ok) this.passed++;
    else {
      this.failed++;
      this.failures.push(`${where}: got ${short(got)} want ${short(want)}`);
    }
  }

  /** Records an error thrown by our code: a clear error is fine, a TypeError & co is a crash. */
  thrown(where: string, err: unknown): boolean {
    if (isCrash(err)) {
      this.crashes++;
      this.crashList.push(`${where}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
      return true;
    }
    return false;
  }

  get checks(): number {
    return this.passed + this.failed;
  }

  /** The one-line summary the issue asks for. */
  line(): string {
    const pct = this.checks ? ((100 * this.passed) / this.checks).toFixed(1) : '100.0';
    return `${this.name}: cases ${this.cases}, agreement ${pct}% on modelled fields (${this.checks} checks), crashes ${this.crashes}, not modelled ${this.notModelled}`;
  }

  get agreement(): number {
    return this.checks ? this.passed / this.checks : 1;
  }
}

/** A crash is an engine error (our bug), not a readable refusal of bad input. */
export function isCrash(err: unknown): boolean {
  if (err instanceof SourceParseError) return false;
  if (!(err instanceof Error)) return true;
  return err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError || err instanceof SyntaxError;
}

// An expected string may be HTML or literal text (other parsers keep the feed's own type): accept either reading.
function readings(want: unknown): string[] {
  return [plain(want), collapse(want)];
}

/** Our plain-text field (title, author, section…) against an expected string. */
export function samePlain(got: unknown, want: unknown): boolean {
  return readings(want).includes(collapse(got));
}

/** Our HTML field (contentHtml) against an expected string: compared as the text a reader sees. */
export function sameHtml(got: unknown, want: unknown): boolean {
  return readings(want).includes(plain(got));
}

/** Our dek is a cut of the summary: it agrees when it is the summary or the start of it. */
export function sameDek(dek: string, expected: unknown): boolean {
  return readings(expected).some((want) => dek === want || (dek.endsWith('…') && want.startsWith(dek.slice(0, -1).trimEnd())));
}

function collapse(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value == null ? '' : String(value);
}

/** URLs compared after the canonicalization the app applies to its own. */
export function sameUrl(got: unknown, want: unknown): boolean {
  if (typeof got !== 'string' || typeof want !== 'string') return got === want;
  return canonicalUrl(got) === canonicalUrl(want);
}

/** Instants compare equal whatever their zone or format. */
export function sameInstant(got: number | null, want: number | null): boolean {
  return got === want;
}

export function plain(value: unknown): string {
  return typeof value === 'string' ? htmlToPlain(value) : value == null ? '' : String(value);
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 90 ? `${s.slice(0, 87)}…` : s;
}
