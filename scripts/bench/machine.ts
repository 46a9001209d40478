// The machine a run measured: figures from a 2-core VM and a phone are not comparable without it.
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { findChromium } from '../find-chromium.mjs';

/** CPU model, cores, Node and Chromium versions, and the date of the run. */
export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  chromium: string;
  date: string;
}

/** Describes this machine (Chromium's version from its own --version). */
export function machine(): Machine {
  let chromium = 'unknown';
  try {
    // Debian's wrapper script prints shell noise on stderr; the version is on stdout.
    chromium = execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Keep "unknown": the figures are still worth printing.
  }
  const cpu = cpus();
  return { cpu: cpu[0]?.model.trim() ?? 'unknown', cores: cpu.length, node: process.version, chromium, date: new Date().toISOString() };
}
