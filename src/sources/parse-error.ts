// The one error type adapters throw on bad input, so callers can tell "bad feed" from a bug.

/** A source body that cannot be read; the message is written for the reader. */
export class SourceParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceParseError';
  }
}
