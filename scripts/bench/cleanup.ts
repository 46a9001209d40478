// Cleanup that must also happen on Ctrl-C: each scenario's browser and temporary profile directory.
// try/finally covers errors; a signal skips finally blocks, so open profiles are also registered here.
import { existsSync, rmSync } from 'node:fs';

interface Open {
  close(): Promise<void>;
  dir: string;
}

const open = new Set<Open>();
let stopping = false;

/** Registers an open browser profile; returns a function that unregisters it. */
export function trackProfile(entry: Open): () => void {
  open.add(entry);
  return () => open.delete(entry);
}

/** True once a signal asked the run to stop (no new browser may start). */
export function isStopping(): boolean {
  return stopping;
}

/** Deletes a directory; retries while a browser that is still shutting down writes into it. */
export async function removeDir(dir: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // ENOTEMPTY while the browser still writes: wait and try again.
    }
    await new Promise((r) => setTimeout(r, 100));
    if (!existsSync(dir)) return;
  }
  process.stderr.write(`[bench] could not delete ${dir}\n`);
}

async function interrupted(signal: NodeJS.Signals): Promise<void> {
  // Ctrl-C reaches us twice (from the terminal, and relayed by tsx): the second must not kill us mid-cleanup.
  if (stopping) return;
  stopping = true;
  process.stderr.write(`\n[bench] ${signal}: closing browsers and deleting temporary profiles…\n`);
  // Ctrl-C also reaches Chromium, which may be half-way down already: closing it can hang, so it gets 3 s.
  const entries = [...open];
  await Promise.allSettled(entries.map((e) => Promise.race([e.close(), new Promise((r) => setTimeout(r, 3_000))])));
  await Promise.allSettled(entries.map((e) => removeDir(e.dir)));
  process.exit(130);
}

process.on('SIGINT', (s) => void interrupted(s));
process.on('SIGTERM', (s) => void interrupted(s));
