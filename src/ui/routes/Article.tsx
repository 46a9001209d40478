// The article page (DESIGN.md §1): everything a good news site's story page shows, offline.
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { bodyShowsImage } from '../../domain/lead-image';
import { readingSeconds } from '../../domain/read-time';
import { showsStandfirst } from '../../domain/standfirst';
import { useModels } from '../app-context';
import { ArticleBody } from '../components/ArticleBody';
import { ReadingProgress } from '../components/ReadingProgress';
import { StoryNav } from '../components/StoryNav';
import { StoryRail } from '../components/StoryRail';
import { ShareButton } from '../components/ShareButton';
import { ListenButton } from '../components/ListenButton';
import { formatDateTime, isoDate, readTimeLabel } from '../format';
import type { ArticleSurroundings, ArticleView } from '../models/article-view';
import { articleHref, HOME_CONTEXT, parseListContext, sectionContext } from '../models/list-context';
import { useActiveTime } from '../use-active-time';
import { cameBack } from '../history-nav';
import { dbLifecycle } from '../db-lifecycle';
import { noteTime, takeBackTime } from '../models/time-journal';
import { usePageTitle } from '../use-page-title';
import { useShortcuts } from '../shortcuts';

/** Runs `task` when the main thread is idle (within 300 ms); returns a function that cancels it. */
function whenSettled(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 300 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 50);
  return () => clearTimeout(handle);
}

/** The article page for the `id` route parameter. */
export default function Article({ id = '' }: { id?: string }) {
  const { reader, library, settings } = useModels();
  const { query, route } = useLocation();
  const ctx = parseListContext(query.from);
  const view = useSignal<ArticleView | null | undefined>(undefined);
  // Related, Don't miss and other coverage arrive from the engine worker after the story is shown.
  const around = useSignal<ArticleSurroundings | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownId = useRef<string | null>(null);
  const failed = useSignal<string | null>(null);
  const activeMs = useActiveTime(id);
  const flushed = useRef(0);
  useEffect(() => {
    // Closing the tab or the app unmounts nothing: the time not yet stored is noted as the page is
    // hidden, and added to the story on the next start (time-journal.ts). A page shown again (a tab
    // switched back to, or one restored from the back/forward cache) takes its note back, and stores
    // the time as usual.
    let noted = 0;
    const note = () => {
      const extra = activeMs() - flushed.current - noted;
      if (extra < 1000) return;
      noteTime(id, extra);
      noted += extra;
    };
    const takeBack = () => {
      if (noted === 0) return;
      // What another tab has already added since (it started meanwhile) counts as stored.
      flushed.current += noted - takeBackTime(id, noted);
      noted = 0;
    };
    // Phones often end a hidden page (an app switched away, a PWA swiped off) without pagehide:
    // hidden is the last moment it surely runs.
    const onVisibility = () => (document.visibilityState === 'hidden' ? note() : takeBack());
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) takeBack();
    };
    window.addEventListener('pagehide', note);
    window.addEventListener('pageshow', onShow);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', note);
      window.removeEventListener('pageshow', onShow);
      document.removeEventListener('visibilitychange', onVisibility);
      takeBack();
      // Leaving the story: keep the time spent on it.
      void reader.addTimeSpent(id, activeMs() - flushed.current);
      flushed.current = 0;
    };
  }, [id]);

  useEffect(() => {
    let live = true;
    // Stories changed (a sync here or in another tab): the story stays on screen, where the reader
    // is, while it is read again. Only another story starts from "Opening the story…".
    if (shownId.current !== id) {
      view.value = undefined;
      around.value = null;
    }
    shownId.current = id;
    failed.value = null;
    reader.open(id, ctx).then(
      (v) => {
        if (live) view.value = v;
      },
      (err: unknown) => {
        if (live) failed.value = err instanceof Error ? err.message : String(err);
      },
    );
    return () => {
      live = false;
    };
  }, [id, query.from, library.revision.value]);

  // Asked once the story is on screen and this thread has settled (the rails sit below the story):
  // the story never waits for the engine, and the engine's answer never waits behind the story's
  // own start-up work (links, reading position, focus).
  const shown = view.value?.article ?? null;
  useEffect(() => {
    if (!shown) return;
    let live = true;
    const neighbours = [view.value?.next?.id, view.value?.prev?.id].filter((n): n is string => !!n);
    // "Latest from <section>" already lists these: Don't miss looks elsewhere.
    const inSection = view.value?.latestInSection.map((a) => a.id) ?? [];
    const ask = () =>
      void reader
        .surroundings(shown, neighbours, inSection)
        .then((s) => {
          if (live) around.value = s;
        })
        .catch((err) => console.warn('related stories unavailable:', err));
    const cancel = whenSettled(ask);
    return () => {
      live = false;
      cancel();
    };
  }, [shown]);

  const v = view.value;
  usePageTitle(v ? v.article.title : v === null ? 'Story not found' : null);
  useEffect(() => {
    // After navigation, focus lands on the headline so keyboard and screen-reader users start at the story.
    if (v) heading.current?.focus({ preventScroll: true });
  }, [v?.article.id]);

  // j/k page through the list the reader came from; s and m act like the Save and Mark read buttons.
  useShortcuts({
    j: () => view.value?.next && route(articleHref(view.value.next.id, ctx)),
    k: () => view.value?.prev && route(articleHref(view.value.prev.id, ctx)),
    s: () => document.querySelector<HTMLButtonElement>('[data-action="save"]')?.click(),
    m: () => document.querySelector<HTMLButtonElement>('[data-action="read"]')?.click(),
  });

  if (v === undefined && failed.value) {
    return (
      <>
        <h1 class="page-title">This story could not be opened</h1>
        <p class="status__error">{dbLifecycle.deletedElsewhere.value
            ? 'Everything stored on this device was deleted in another tab: reload this tab.'
            : dbLifecycle.reloadNeeded.value
              ? 'Broadsheet changed in another tab: reload this tab to open it.'
              : failed.value}</p>
        <p>
          <a href="/">Back to the latest stories</a>
        </p>
      </>
    );
  }
  if (v === undefined) return <p class="loading">Opening the story…</p>;
  if (v === null) {
    return (
      <>
        <h1 class="page-title">Story not found</h1>
        <p>This story is not stored on this device. It may have been removed by retention. <a href="/">Back to the latest stories</a>.</p>
      </>
    );
  }
  const { article, state } = v;
  const source = library.sourceById.value.get(article.sourceId);
  const updated = article.updatedAt && Math.abs(article.updatedAt - article.publishedAt) > 60_000 ? article.updatedAt : null;
  const totalSeconds = readingSeconds(article, settings.speed.value);

  // The library's flags, once storage has been read: they follow this story being saved or read in
  // another tab too (reader-channel.ts), where the state loaded with the page would not.
  const isSaved = library.storageRead.value ? library.saved.value.has(article.id) : state.saved;
  const isRead = library.storageRead.value ? library.read.value.has(article.id) : state.read;
  const toggleSaved = async () => {
    const next = await reader.save(article.id, !isSaved);
    if (view.value) view.value = { ...view.value, state: next };
  };
  const toggleRead = async () => {
    const next = await reader.markRead(article.id, !isRead);
    // From the view as it is now: it may have been read again in place since this render.
    if (view.value) view.value = { ...view.value, state: next };
  };
  const markReadAtEnd = () => {
    if (isRead) return;
    void toggleRead();
    // Word-based reads teach the reader's speed; CJK text is read by character, so it is left out.
    const ms = activeMs();
    if (article.cjkCount < article.wordCount && ms > 10_000) void settings.recordRead({ words: article.wordCount, activeMs: ms });
  };

  return (
    <article class="story" lang={article.language ?? undefined} data-testid="article">
      <header class="story__header">
        <p class="kicker">
          <a href={`/section/${encodeURIComponent(article.section)}`}>{article.section}</a>
        </p>
        <h1 class="story__headline" tabIndex={-1} ref={heading} dir="auto">
          {article.title}
        </h1>
        {showsStandfirst(article.dek, article.plainText) && (
          <p class="story__dek" dir="auto">
            {article.dek}
          </p>
        )}
        <p class="story__byline">
          {article.author && <span class="byline">By {article.author}</span>}
          {article.author && ' '}
          <span class="story__source">
            {article.author ? 'for ' : 'From '}
            <a href={article.url} target="_blank" rel="noopener noreferrer">
              {source?.title ?? 'the source'}
            </a>
          </span>
          {!!around.value?.alsoCoveredBy.length && <span class="also-covered"> · also covered by {around.value.alsoCoveredBy.join(', ')}</span>}
        </p>
        <p class="meta story__meta">
          <time dateTime={isoDate(article.publishedAt)} data-testid="published">
            {formatDateTime(article.publishedAt)}
          </time>
          {updated && (
            <>
              <span aria-hidden="true"> · </span>
              <span>
                Updated <time dateTime={isoDate(updated)}>{formatDateTime(updated)}</time>
              </span>
            </>
          )}
          <span aria-hidden="true"> · </span>
          <span data-testid="read-time">{readTimeLabel(article, settings.speed.value)}</span>
        </p>
        <div class="story__actions">
          <button type="button" class="button" data-action="save" aria-pressed={isSaved} onClick={() => void toggleSaved()}>
            {isSaved ? 'Saved' : 'Save'}
          </button>
          <button type="button" class="button button--quiet" data-action="read" aria-pressed={isRead} onClick={() => void toggleRead()}>
            {isRead ? 'Mark unread' : 'Mark read'}
          </button>
          <ShareButton title={article.title} url={article.url} />
          <ListenButton key={article.id} title={article.title} text={article.plainText} language={article.language} />
        </div>
      </header>

      {article.imageUrl && !bodyShowsImage(article.contentHtml, article.imageUrl) && (
        <img class="story__lead-image" src={article.imageUrl} alt="" referrerpolicy="no-referrer" width={800} height={450} />
      )}

      <ReadingProgress
        key={article.id}
        totalSeconds={totalSeconds}
        onFinished={markReadAtEnd}
        // A finished story opens at its top, unless the reader came back to it (Back from a link in it).
        initialAnchor={state.read && !cameBack() ? null : state.progress}
        onAnchor={(anchor) => void reader.saveProgress(article.id, anchor)}
      >
        <ArticleBody html={article.contentHtml} baseUrl={article.baseUrl} language={article.language} resolveStoredLinks={reader.storedRoutes} />
      </ReadingProgress>

      <StoryNav prev={v.prev} next={v.next} context={ctx} />

      <div class="story__rails">
        <StoryRail
          id="related"
          title="Related"
          context={HOME_CONTEXT}
          items={(around.value?.related ?? []).map((r) => ({ article: r.article, note: r.alsoCoveredBy.length ? `also covered by ${r.alsoCoveredBy.join(', ')}` : undefined }))}
        />
        <StoryRail
          id="latest-in-section"
          title={`Latest from ${article.section}`}
          context={sectionContext(article.section)}
          items={v.latestInSection.map((a) => ({ article: a }))}
        />
        <StoryRail id="dont-miss" title="Don't miss" context={HOME_CONTEXT} items={(around.value?.dontMiss ?? []).map((a) => ({ article: a }))} />
      </div>

      <p class="back-to-top">
        <a
          href="#top"
          onClick={(e) => {
            e.preventDefault();
            window.scrollTo({ top: 0, behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
            heading.current?.focus({ preventScroll: true });
          }}
        >
          Back to top
        </a>
      </p>
    </article>
  );
}
