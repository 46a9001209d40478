// A Chromium trace of the ingest window, for the longest task on the page's main thread. Playwright's
// browser.startTracing() does not exist for persistent contexts, so this speaks CDP's Tracing domain.
import type { CDPSession } from 'playwright';

/** One trace event (the fields we read). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: Record<string, unknown>;
}

// toplevel: every task a thread runs (RunTask); blink.user_timing: the app's performance marks, with the
// same clock as the tasks, so "between sync-start and sync-indexed" needs no clock conversion.
const CATEGORIES = ['toplevel', 'blink.user_timing', '__metadata'];

/** Starts tracing on the page's session (Chromium limits it to the page's processes). */
export async function startTrace(session: CDPSession): Promise<void> {
  await session.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: CATEGORIES, excludedCategories: ['*'] },
  });
}

/** Stops tracing and returns its events. */
export async function stopTrace(session: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve, reject) => {
    session.once('Tracing.tracingComplete', ({ stream }) => (stream ? resolve(stream) : reject(new Error('trace: no stream'))));
  });
  await session.send('Tracing.end');
  const handle = await complete;
  const chunks: string[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = await session.send('IO.read', { handle, size: 1 << 20 });
    chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await session.send('IO.close', { handle });
  const parsed = JSON.parse(chunks.join('')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/** The first event of a user-timing mark called `name` (its pid/tid is the page's main thread). */
export function traceMarks(events: readonly TraceEvent[], name: string): TraceEvent[] {
  return events.filter((e) => e.name === name && e.cat.includes('blink.user_timing')).sort((a, b) => a.ts - b.ts);
}

const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/** The longest task found on a thread, and where Chromium says it was posted from. */
export interface LongestTask {
  ms: number;
  /** Tasks of the thread that overlapped the window (ours excluded). */
  tasks: number;
  /** The task's posting site (e.g. "v8::internal::IncrementalMarkingJob::ScheduleTask"), when the trace names it. */
  source: string | null;
}

interface Span {
  ts: number;
  dur: number;
  event: TraceEvent;
}

const isDevTools = (e: TraceEvent) =>
  e.name === 'Receive mojo message' && /DevTools/.test(String((e.args?.chrome_mojo_event_info as { mojo_interface_tag?: string } | undefined)?.mojo_interface_tag ?? ''));

/**
 * The longest task of thread pid/tid that overlaps [fromUs, toUs] (trace time). Tasks that carry a DevTools
 * message are the harness talking to the page (our polling, tracing itself): left out.
 */
export function longestTask(events: readonly TraceEvent[], pid: number, tid: number, fromUs: number, toUs: number): LongestTask {
  const mine = events.filter((x) => x.pid === pid && x.tid === tid).sort((a, b) => a.ts - b.ts);
  // Most tasks are complete events (X); a few come as begin/end pairs (B … E), nested per thread.
  const spans: Span[] = [];
  const open: TraceEvent[] = [];
  for (const e of mine) {
    if (!TASK_NAMES.has(e.name)) continue;
    if (e.ph === 'X' && e.dur !== undefined) spans.push({ ts: e.ts, dur: e.dur, event: e });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const begin = open.pop();
      if (begin) spans.push({ ts: begin.ts, dur: e.ts - begin.ts, event: begin });
    }
  }
  // A task still running when tracing stopped lasted at least until the window's end.
  for (const begin of open) spans.push({ ts: begin.ts, dur: Math.max(0, toUs - begin.ts), event: begin });
  const devtools = mine.filter(isDevTools).map((e) => e.ts);
  let best: Span | null = null;
  let tasks = 0;
  for (const span of spans) {
    if (span.ts > toUs || span.ts + span.dur < fromUs) continue;
    if (devtools.some((t) => t >= span.ts && t <= span.ts + span.dur)) continue;
    tasks++;
    if (!best || span.dur > best.dur) best = span;
  }
  return { ms: best ? best.dur / 1000 : 0, tasks, source: best ? taskSource(best, mine) : null };
}

/** Where a task was posted from, plus the Mojo interface whose message it handled, if any (e.g. IndexedDB). */
function taskSource(task: Span, thread: readonly TraceEvent[]): string | null {
  const args = task.event.args as { src_func?: string; src_file?: string } | undefined;
  const posted = args?.src_func ?? args?.src_file ?? null;
  const message = thread.find((e) => e.name === 'Receive mojo message' && e.ts >= task.ts && e.ts <= task.ts + task.dur);
  const tag = (message?.args?.chrome_mojo_event_info as { mojo_interface_tag?: string } | undefined)?.mojo_interface_tag;
  return tag ? `${posted ?? '?'} (${tag})` : posted;
}

/** The name Chromium gave thread pid/tid (CrRendererMain for a page's main thread). */
export function threadName(events: readonly TraceEvent[], pid: number, tid: number): string | null {
  const meta = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.tid === tid);
  return (meta?.args?.name as string | undefined) ?? null;
}
