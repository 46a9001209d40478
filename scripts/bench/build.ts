// Builds the app for the benchmark: a normal production build plus the blank page (BROADSHEET_BENCH=1).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** Runs `vite build` in a child process (as `npm run build` does); throws with its output if it fails. */
export async function buildApp(root: string, outDir: string): Promise<void> {
  const vite = resolve(root, 'node_modules/vite/bin/vite.js');
  // A child process, not Vite's JS API: the PWA plugin builds the service worker with a second Vite
  // build, and a fresh process leaves nothing of it behind in ours.
  const args = [vite, 'build', '--outDir', outDir, '--emptyOutDir'];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, BROADSHEET_BENCH: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));
  const code = await new Promise<number | null>((res, rej) => {
    child.on('error', rej);
    child.on('close', res);
  });
  if (code !== 0) throw new Error(`vite build failed (exit ${code}):\n${output}`);
}
