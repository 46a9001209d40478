// The sources model: finding a source from any URL, confirming it, renaming, removing, OPML in and out.
import { computed, signal } from '@preact/signals';
import { hashId } from '../../domain/ids';
import type { Source } from '../../domain/source';
import type { FetchedBody, FoundSource } from '../../sources/find-source';
import type { Db } from '../../storage/db';
import { ensureSource, updateSource } from '../../storage/sources-repo';
import type { LibraryModel } from './library';
import { countOf, retentionLabel } from './source-labels';

/** The state of the "add a source" form. */
export type FindState =
  | { step: 'idle' }
  | { step: 'finding'; url: string }
  | { step: 'found'; found: FoundSource }
  | { step: 'error'; message: string };

/** A new source record for a found or imported feed. */
export function newSource(kind: Source['kind'], url: string, title: string, now = Date.now()): Source {
  return {
    id: `src-${hashId(url)}`, kind, url, title, etag: null, lastModified: null, addedAt: now,
    lastSyncAt: null, lastError: null, status: 'new',
  };
}

/** Creates the sources model. `fetchBody` fetches one URL (through the CORS proxy when one is set). */
export function createSourcesModel(dbReady: Promise<Db>, library: LibraryModel, fetchBody: (url: string) => Promise<FetchedBody>) {
  const find = signal<FindState>({ step: 'idle' });
  const notice = signal<string | null>(null);
  /** What is in the address box; emptied once its source is followed. */
  const address = signal('');
  /** The followed source the preview shows, if the reader already follows it. */
  const followed = computed(() => {
    const state = find.value;
    return state.step === 'found' ? (library.sources.value.find((s) => sameUrl(s.url, state.found.url)) ?? null) : null;
  });

  /** Looks for a source behind what the reader pasted and shows its preview. */
  async function lookUp(input: string): Promise<void> {
    // A new search makes the last one's notice ("Added …", "Source removed …") stale.
    notice.value = null;
    find.value = { step: 'finding', url: input };
    try {
      const { findSource } = await import('../../sources/find-source');
      const found = await findSource(input, fetchBody);
      find.value = { step: 'found', found };
    } catch (err) {
      find.value = { step: 'error', message: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Follows the previewed source and syncs it at once. */
  async function confirm(): Promise<void> {
    const state = find.value;
    if (state.step !== 'found') return;
    const { kind, url, title } = state.found;
    const known = followed.value;
    if (known) {
      find.value = { step: 'error', message: `You already follow this source as “${known.title}”.` };
      return;
    }
    await ensureSource(await dbReady, newSource(kind, url, title));
    find.value = { step: 'idle' };
    address.value = '';
    notice.value = `Added “${title}”.`;
    await library.sync();
  }

  /** Clears the add form. */
  function cancel(): void {
    find.value = { step: 'idle' };
  }

  /** Stops following a source; its saved stories stay. */
  async function remove(id: string): Promise<void> {
    const { removeSource } = await import('../../storage/source-removal');
    const removed = await removeSource(await dbReady, id);
    notice.value = `Source removed with ${countOf(removed.length, 'story', 'stories')}; saved stories were kept.`;
    await library.storiesChanged();
  }

  /** Gives a source the reader's own name; returns why it could not (for the form to show), else null. */
  async function rename(id: string, title: string): Promise<string | null> {
    // Checked here too, so a name of only spaces is answered at once, in the form.
    if (!title.trim()) return 'A source needs a name.';
    try {
      const { renameSource } = await import('../../storage/source-removal');
      await renameSource(await dbReady, id, title);
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
    await library.refresh();
    return null;
  }

  /**
   * Sets how long and how many stories a source keeps. It takes effect at the source's next sync,
   * where stories still in the feed are known and kept (evicting them would bring them back as "new").
   */
  async function setRetention(id: string, maxAgeDays: number, maxArticles: number): Promise<string | null> {
    const { validateRetention } = await import('../../storage/retention');
    try {
      const limits = validateRetention({ maxAgeDays, maxArticles });
      await updateSource(await dbReady, id, () => ({ retention: limits }));
      notice.value = `Keeping at most ${retentionLabel(limits)}; saved and unfinished stories always stay.`;
      await library.refresh();
      return null;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }

  /** The source list as an OPML document, or null (and a notice saying why) when there is none to give. */
  async function exportOpml(): Promise<string | null> {
    try {
      const { sourcesToOpml } = await import('../../sources/opml');
      const xml = sourcesToOpml(library.sources.value);
      if (xml === null) notice.value = 'Nothing to export yet: you follow only the built-in sample edition, which every install has.';
      return xml;
    } catch (err) {
      notice.value = `The sources could not be exported: ${err instanceof Error ? err.message : String(err)}`;
      return null;
    }
  }

  /** Imports sources from OPML text; a bad file changes nothing and says why. */
  async function importOpml(text: string): Promise<void> {
    try {
      const { opmlToEntries } = await import('../../sources/opml');
      const entries = opmlToEntries(text);
      const db = await dbReady;
      const known = new Set(library.sources.value.map((s) => s.url));
      const fresh = entries.filter((e) => !known.has(e.url));
      for (const e of fresh) await ensureSource(db, newSource(e.kind, e.url, e.title));
      notice.value = `Imported ${countOf(fresh.length, 'source', 'sources')}${entries.length > fresh.length ? ` (${entries.length - fresh.length} already followed)` : ''}.`;
      await library.refresh();
      if (fresh.length) void library.sync();
    } catch (err) {
      notice.value = `Nothing was imported: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  return { find, notice, address, followed, lookUp, confirm, cancel, remove, rename, setRetention, exportOpml, importOpml };
}

// The same address however it was written (case of the host, a default port, a trailing slash on the root).
function sameUrl(a: string, b: string): boolean {
  return a === b || (URL.canParse(a) && URL.canParse(b) && new URL(a).href === new URL(b).href);
}

/** The sources model's public shape. */
export type SourcesModel = ReturnType<typeof createSourcesModel>;
