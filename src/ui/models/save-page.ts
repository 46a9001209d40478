// "Save this URL": fetch a page, extract it with Readability, keep it as a saved article of the
// "Saved pages" source. Offline, the request waits in the outbox and completes when the network returns.
import { signal } from '@preact/signals';
import type { Source } from '../../domain/source';
import type { FetchedBody } from '../../sources/find-source';
import type { Db } from '../../storage/db';
import { enqueue, pendingEntries, type StoredOutboxEntry } from '../../storage/outbox-repo';
// Static, not import(): these are on the first screen's path already, and a dynamic import of a module
// in the entry chunk only costs the entry a module-namespace helper.
import { putArticleBatch } from '../../storage/articles-repo';
import { ensureSource } from '../../storage/sources-repo';
import { setSaved } from '../../storage/reading-state-repo';
import { requestOutboxSync } from '../background-sync';
import type { LibraryModel } from './library';

/** The "Saved pages" source that holds every page the reader saved by URL. */
export const SAVED_PAGES_ID = 'saved-pages';

/** Where the save form stands. */
export type SaveState =
  | { step: 'idle' }
  | { step: 'saving'; url: string }
  | { step: 'saved'; articleId: string; title: string }
  | { step: 'queued'; url: string }
  | { step: 'error'; message: string };

function savedPagesSource(now: number): Source {
  return {
    id: SAVED_PAGES_ID, kind: 'page', url: 'about:saved-pages', title: 'Saved pages', etag: null, lastModified: null,
    addedAt: now, lastSyncAt: null, lastError: null, status: 'ok',
  };
}

/** True when a failure means "no network", not "this page is broken". */
function isNetworkFailure(err: unknown): boolean {
  if (!navigator.onLine) return true;
  return err instanceof TypeError || (err instanceof Error && /could not reach|offline/i.test(err.message));
}

/** Creates the save-page model. */
export function createSavePageModel(dbReady: Promise<Db>, library: LibraryModel, fetchBody: (url: string) => Promise<FetchedBody>) {
  const state = signal<SaveState>({ step: 'idle' });
  const pending = signal<StoredOutboxEntry[]>([]);

  async function refreshPending(): Promise<void> {
    pending.value = (await pendingEntries(await dbReady)).filter((e) => e.kind === 'save-url');
  }

  /** Fetches, extracts and stores one page now; returns the stored article's id and title. */
  async function saveNow(url: string): Promise<{ id: string; title: string }> {
    const db = await dbReady;
    const [{ decodeBody }, { extractPage, pageToItem }, { deriveArticle }] = await Promise.all([
      import('../../sources/decode'),
      import('../extract/extract-page'),
      import('../../domain/derive'),
    ]);
    const res = await fetchBody(url);
    const html = decodeBody(res.bytes, res.contentType).text;
    const page = extractPage(html, res.finalUrl, (h) => new DOMParser().parseFromString(h, 'text/html'));
    const now = Date.now();
    const article = deriveArticle(pageToItem(page, res.finalUrl, SAVED_PAGES_ID), now);
    const source = await ensureSource(db, savedPagesSource(now));
    await putArticleBatch(db, [article], { ...source, lastSyncAt: now });
    // A page the reader saved is saved: kept forever, listed under Saved.
    await setSaved(db, article.id, true, now);
    library.setFlags(article.id, { saved: true });
    await library.storiesChanged();
    return { id: article.id, title: article.title };
  }

  /** Saves a URL now, or queues it when offline. */
  async function save(input: string): Promise<void> {
    const url = input.trim();
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      state.value = { step: 'error', message: 'That is not a web address (it should start with http:// or https://).' };
      return;
    }
    state.value = { step: 'saving', url };
    try {
      if (!navigator.onLine) throw new TypeError('offline');
      const saved = await saveNow(url);
      state.value = { step: 'saved', articleId: saved.id, title: saved.title };
    } catch (err) {
      if (isNetworkFailure(err)) {
        await enqueue(await dbReady, { kind: 'save-url', payload: { url } });
        void requestOutboxSync();
        await refreshPending();
        state.value = { step: 'queued', url };
      } else {
        state.value = { step: 'error', message: err instanceof Error ? err.message : String(err) };
      }
    }
  }

  /** Replays queued saves (on start and when the network returns). */
  async function drain(): Promise<void> {
    const { drainOutbox } = await import('../../sync/outbox');
    await drainOutbox({ db: await dbReady }, { 'save-url': (payload) => saveNow(payload.url) });
    await refreshPending();
  }

  return { state, pending, save, drain, refreshPending };
}

/** The save-page model's public shape. */
export type SavePageModel = ReturnType<typeof createSavePageModel>;
