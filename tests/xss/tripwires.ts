// Tripwires for the XSS conformance harness, installed before any payload is rendered.
// Anything a payload commonly calls is replaced by a counter that records which payload container
// was active (synchronous render) or was the event target (handlers that fire later).

export interface Trip {
  kind: string;
  pid: number | null;
  detail: string;
}

export const trips: Trip[] = [];
export const info = { resourceErrors: 0, loads: 0, cspViolations: 0, feedsNotXml: 0 };
let currentPid: number | null = null;

export function setCurrentPid(pid: number | null): void {
  currentPid = pid;
}

function pidOf(target: unknown): number | null {
  if (target instanceof Element) {
    const c = target.closest('[data-pid]');
    if (c) return Number(c.getAttribute('data-pid'));
  }
  return null;
}

function activePid(): number | null {
  if (currentPid !== null) return currentPid;
  const ev = (window as unknown as { event?: Event }).event;
  return ev ? pidOf(ev.target) : null;
}

export function trip(kind: string, detail = ''): void {
  trips.push({ kind, pid: activePid(), detail: String(detail).slice(0, 120) });
}

const w = window as unknown as Record<string, unknown>;
for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
  w[name] = (...args: unknown[]) => {
    trip(name, args.map(String).join(','));
    return name === 'open' ? null : undefined;
  };
}
// Globals the corpora call besides the dialogs; defining them means a call is counted, not a ReferenceError.
for (const name of ['xss', 'XSS', 'executeMe', 'foo', 'x', 'noxss', 'msgbox', 'makePopups', '_', '__tripwire']) {
  w[name] = (...args: unknown[]) => trip(`global:${name}`, args.map(String).join(','));
}

// For information: resource errors and loads (capture phase sees them; it cannot see executions).
addEventListener('error', (e) => {
  if (e.target !== window) info.resourceErrors++;
}, true);
addEventListener('load', (e) => {
  if (e.target !== window) info.loads++;
}, true);
addEventListener('securitypolicyviolation', () => {
  info.cspViolations++;
});
