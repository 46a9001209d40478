// Progress goes to stderr: stdout carries only the table and, last, the JSON line a script can parse.

const started = performance.now();

/** Prints a progress line with the time since the run started. */
export function progress(message: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${seconds}s] ${message}\n`);
}
