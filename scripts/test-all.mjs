// `npm test`: type checks, unit tests, real-Chromium browser tests, then the built app end to end.
// Ends with one plain "N passed, N failed" line summing every runner.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { findChromium } from './find-chromium.mjs';

try {
  process.env.CHROME_PATH = findChromium();
} catch (err) {
  console.error(`\n${err.message}\n`);
  process.exit(1);
}

// The end-to-end server takes a free port, so a dev server or another run on the usual one is no obstacle.
if (!process.env.E2E_PORT) {
  process.env.E2E_PORT = String(
    await new Promise((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address();
        probe.close(() => resolve(port));
      });
    }),
  );
}

const steps = [
  { name: 'typecheck', cmd: 'npm', args: ['run', '--silent', 'typecheck'] },
  { name: 'unit', cmd: 'npx', args: ['vitest', 'run', '--project', 'unit'], count: 'vitest' },
  { name: 'browser', cmd: 'npx', args: ['vitest', 'run', '--project', 'browser'], count: 'vitest' },
  { name: 'build', cmd: 'npx', args: ['vite', 'build', '--logLevel', 'warn'] },
  { name: 'e2e', cmd: 'npx', args: ['playwright', 'test'], count: 'playwright' },
];

function run(step) {
  return new Promise((resolve) => {
    const child = spawn(step.cmd, step.args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    const keep = (chunk, stream) => {
      out += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', (c) => keep(c, process.stdout));
    child.stderr.on('data', (c) => keep(c, process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, out: out.replace(/\x1b\[[0-9;]*m/g, '') }));
  });
}

function counts(kind, out) {
  if (kind === 'vitest') {
    const line = out.split('\n').find((l) => /^\s*Tests\s+/.test(l)) ?? '';
    return { passed: Number(/(\d+) passed/.exec(line)?.[1] ?? 0), failed: Number(/(\d+) failed/.exec(line)?.[1] ?? 0) };
  }
  return {
    passed: Number(/^\s*(\d+) passed/m.exec(out)?.[1] ?? 0),
    failed: Number(/^\s*(\d+) failed/m.exec(out)?.[1] ?? 0),
  };
}

let passed = 0;
let failed = 0;
let broken = false;
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const { code, out } = await run(step);
  if (step.count) {
    const c = counts(step.count, out);
    passed += c.passed;
    failed += c.failed;
    if (code !== 0 && c.failed === 0) failed += 1;
  } else if (code !== 0) {
    failed += 1;
  }
  if (code !== 0) {
    broken = true;
    console.error(`\n${step.name} failed (exit ${code})`);
    // A broken build makes the end-to-end run meaningless.
    if (step.name === 'build') break;
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(broken ? 1 : 0);
