// A CDP session on the app's page that also reaches its dedicated workers (the related and search indexes
// may live in one): CPU throttling and heap figures must cover the page AND its workers. Playwright cannot
// open a CDP session on a worker, so this session auto-attaches to them (flatten: false) and talks to each
// through Target.sendMessageToTarget.
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

interface Worker {
  sessionId: string;
  url: string;
}

/** The page's CDP session plus its attached dedicated workers. */
export class PageCdp {
  private readonly workers = new Map<string, Worker>();
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private nextId = 1;
  private throttleRate = 1;

  private constructor(readonly session: CDPSession) {}

  /** Opens the session and starts attaching to the page's current and future dedicated workers. */
  static async attach(context: BrowserContext, page: Page): Promise<PageCdp> {
    const cdp = new PageCdp(await context.newCDPSession(page));
    const s = cdp.session;
    s.on('Target.attachedToTarget', ({ sessionId, targetInfo, waitingForDebugger }) => {
      if (targetInfo.type !== 'worker') {
        // Not ours to hold (service worker, shared worker): let it go on.
        void s.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
        return;
      }
      cdp.workers.set(sessionId, { sessionId, url: targetInfo.url });
      // A worker started while throttled is throttled too, or the figure would flatter it.
      if (cdp.throttleRate !== 1) void cdp.toWorker(sessionId, 'Emulation.setCPUThrottlingRate', { rate: cdp.throttleRate }).catch(() => undefined);
      if (waitingForDebugger) void cdp.toWorker(sessionId, 'Runtime.runIfWaitingForDebugger').catch(() => undefined);
    });
    s.on('Target.detachedFromTarget', ({ sessionId }) => {
      if (sessionId) cdp.workers.delete(sessionId);
    });
    s.on('Target.receivedMessageFromTarget', ({ message }) => {
      const reply = JSON.parse(message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = reply.id === undefined ? undefined : cdp.pending.get(reply.id);
      if (!waiter) return;
      cdp.pending.delete(reply.id!);
      if (reply.error) waiter.reject(new Error(reply.error.message));
      else waiter.resolve(reply.result);
    });
    await s.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return cdp;
  }

  /** URLs of the dedicated workers attached now. */
  workerUrls(): string[] {
    return [...this.workers.values()].map((w) => w.url);
  }

  /** Sends one CDP command to a worker and waits for its answer (10 s at most). */
  private toWorker(sessionId: string, method: string, params: object = {}): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer from worker`));
      }, 10_000);
      this.pending.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.session
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch((e: Error) => {
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
      await this.toWorker(w.sessionId, 'Emulation.setCPUThrottlingRate', { rate }).catch((e: Error) => refused.push(`${w.url}: ${e.message}`));
    }
    return refused;
  }

  /** Memory in use after a forced garbage collection, for the page and for each worker. */
  async heapAfterGc(): Promise<HeapFigure[]> {
    await this.session.send('HeapProfiler.collectGarbage');
    const out: HeapFigure[] = [heapFigure('page', (await this.session.send('Runtime.getHeapUsage')) as HeapUsage)];
    for (const w of this.workers.values()) {
      await this.toWorker(w.sessionId, 'HeapProfiler.collectGarbage');
      out.push(heapFigure(`worker ${w.url}`, (await this.toWorker(w.sessionId, 'Runtime.getHeapUsage')) as HeapUsage));
    }
    return out;
  }

  /** Ends the session (Chromium drops the emulation it set, throttling included). */
  async detach(): Promise<void> {
    await this.session.detach().catch(() => undefined);
  }
}
