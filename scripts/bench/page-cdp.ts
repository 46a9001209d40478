// A CDP session on the app's page that also reaches its dedicated workers (the engine worker holds the
// related and search indexes, and starts derive workers of its own): CPU throttling and heap figures must
// cover the page AND every worker. Playwright cannot open a CDP session on a worker, so this session
// auto-attaches to them (flatten: false), asks each worker to auto-attach its own, and talks to a worker
// through one Target.sendMessageToTarget per level.
import type { BrowserContext, CDPSession, Page } from 'playwright';

/** Memory in use after a forced GC, per JavaScript context (Runtime.getHeapUsage). */
export interface HeapFigure {
  target: string;
  /** The V8 heap's used size. */
  usedBytes: number;
  /** ArrayBuffer backing stores (typed arrays live outside the V8 heap; an index may be mostly these). */
  arrayBufferBytes: number;
  /** Blink's own garbage-collected heap (DOM and other embedder objects); reported, not counted in heapMB. */
  embedderBytes: number;
}

interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
  embedderHeapUsedSize?: number;
}

const heapFigure = (target: string, u: HeapUsage): HeapFigure => ({
  target,
  usedBytes: u.usedSize,
  arrayBufferBytes: u.backingStorageSize ?? 0,
  embedderBytes: u.embedderHeapUsedSize ?? 0,
});

/** A dedicated worker reached through a chain of sessions: the page's worker, then the worker it started, and so on. */
interface Worker {
  /** Session ids from the page's session inwards; the last one is this worker's. */
  route: string[];
  url: string;
}

/** A CDP message as it crosses a session: a reply (id) or an event (method). */
interface CdpMessage {
  id?: number;
  method?: string;
  params?: { sessionId?: string; message?: string; targetInfo?: { type: string; url: string }; waitingForDebugger?: boolean };
  result?: unknown;
  error?: { message: string };
}

/** The page's CDP session plus its attached dedicated workers, nested ones included. */
export class PageCdp {
  private readonly workers = new Map<string, Worker>();
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private nextId = 1;
  private throttleRate = 1;

  private constructor(readonly session: CDPSession) {}

  /** Opens the session and starts attaching to the page's current and future dedicated workers, and theirs. */
  static async attach(context: BrowserContext, page: Page): Promise<PageCdp> {
    const cdp = new PageCdp(await context.newCDPSession(page));
    const s = cdp.session;
    s.on('Target.attachedToTarget', ({ sessionId, targetInfo, waitingForDebugger }) =>
      cdp.attached([sessionId], targetInfo, waitingForDebugger),
    );
    s.on('Target.detachedFromTarget', ({ sessionId }) => {
      if (sessionId) cdp.workers.delete(sessionId);
    });
    s.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => cdp.received([sessionId], message));
    await s.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return cdp;
  }

  /** A target attached at `route`: a dedicated worker is kept (and asked to attach its own workers); any other is let go. */
  private attached(route: string[], info: { type: string; url: string }, waitingForDebugger: boolean): void {
    const sessionId = route[route.length - 1]!;
    if (info.type !== 'worker') {
      // Not ours to hold (service worker, shared worker): let it go on.
      const detach = route.length === 1 ? this.session.send('Target.detachFromTarget', { sessionId }) : this.send(route.slice(0, -1), 'Target.detachFromTarget', { sessionId });
      void detach.catch(() => undefined);
      return;
    }
    this.workers.set(sessionId, { route, url: info.url });
    // The engine worker starts derive workers of its own; their heap and CPU count too.
    void this.send(route, 'Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false }).catch(() => undefined);
    // A worker started while throttled is throttled too, or the figure would flatter it.
    if (this.throttleRate !== 1) void this.send(route, 'Emulation.setCPUThrottlingRate', { rate: this.throttleRate }).catch(() => undefined);
    if (waitingForDebugger) void this.send(route, 'Runtime.runIfWaitingForDebugger').catch(() => undefined);
  }

  /** A message from the target at `route`: a reply to one of ours, or an event of a worker nested in it. */
  private received(route: string[], text: string): void {
    const msg = JSON.parse(text) as CdpMessage;
    if (msg.id !== undefined) {
      const waiter = this.pending.get(msg.id);
      if (!waiter) return;
      this.pending.delete(msg.id);
      if (msg.error) waiter.reject(new Error(msg.error.message));
      else waiter.resolve(msg.result);
      return;
    }
    const p = msg.params;
    if (!p?.sessionId) return;
    const inner = [...route, p.sessionId];
    if (msg.method === 'Target.receivedMessageFromTarget' && p.message) this.received(inner, p.message);
    else if (msg.method === 'Target.attachedToTarget' && p.targetInfo) this.attached(inner, p.targetInfo, p.waitingForDebugger ?? false);
    else if (msg.method === 'Target.detachedFromTarget') this.workers.delete(p.sessionId);
  }

  /** URLs of the dedicated workers attached now. */
  workerUrls(): string[] {
    return [...this.workers.values()].map((w) => w.url);
  }

  /**
   * Sends one CDP command to the target at `route` and waits for its answer (10 s at most). For a nested
   * worker the command is wrapped in Target.sendMessageToTarget once per level; only the innermost answer is awaited.
   */
  private send(route: string[], method: string, params: object = {}): Promise<unknown> {
    const id = this.nextId++;
    let message = JSON.stringify({ id, method, params });
    for (let level = route.length - 1; level >= 1; level--) {
      message = JSON.stringify({ id: this.nextId++, method: 'Target.sendMessageToTarget', params: { sessionId: route[level], message } });
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer from worker`));
      }, 10_000);
      this.pending.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.session.send('Target.sendMessageToTarget', { sessionId: route[0]!, message }).catch((e: Error) => {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(e);
      });
    });
  }

  /** CPU throttling (1 = none) on the page and every worker; returns workers that refused it. */
  async setCpuThrottling(rate: number): Promise<string[]> {
    this.throttleRate = rate;
    await this.session.send('Emulation.setCPUThrottlingRate', { rate });
    const refused: string[] = [];
    for (const w of this.workers.values()) {
      await this.send(w.route, 'Emulation.setCPUThrottlingRate', { rate }).catch((e: Error) => refused.push(`${w.url}: ${e.message}`));
    }
    return refused;
  }

  /** Memory in use after a forced garbage collection, for the page and for each worker. */
  async heapAfterGc(): Promise<HeapFigure[]> {
    await this.session.send('HeapProfiler.collectGarbage');
    const out: HeapFigure[] = [heapFigure('page', (await this.session.send('Runtime.getHeapUsage')) as HeapUsage)];
    for (const w of this.workers.values()) {
      await this.send(w.route, 'HeapProfiler.collectGarbage');
      out.push(heapFigure(`worker ${w.url}`, (await this.send(w.route, 'Runtime.getHeapUsage')) as HeapUsage));
    }
    return out;
  }

  /** Ends the session (Chromium drops the emulation it set, throttling included). */
  async detach(): Promise<void> {
    await this.session.detach().catch(() => undefined);
  }
}
