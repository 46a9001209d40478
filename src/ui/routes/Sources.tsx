// Sources: add any URL (feed, site, WordPress), see each source's health, rename, remove, OPML in and out.
import { useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { isPortableSource, type Source } from '../../domain/source';
import { DEFAULT_RETENTION } from '../../storage/retention';
import { useModels } from '../app-context';
import { formatDay } from '../format';
import { retentionLabel, syncedLabel } from '../models/source-labels';
import { usePageTitle } from '../use-page-title';
import { downloadText } from '../download';

const KIND_LABEL: Record<Source['kind'], string> = {
  sample: 'Built-in sample', 'json-feed': 'JSON Feed', rss: 'RSS', rdf: 'RSS 1.0', atom: 'Atom', wordpress: 'WordPress', page: 'Saved pages',
};

function SourceRow({ source }: { source: Source }) {
  const { sources } = useModels();
  const editing = useSignal(false);
  const renameError = useSignal<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Opening and closing the form removes the focused control, so focus follows: into the field,
  // and back to Rename (the first render has never edited, so a page load moves nothing). A layout
  // effect, so focus has moved before the next key: a plain effect let the first typed letter go astray.
  useLayoutEffect(() => {
    if (editing.value) {
      field.current?.focus();
      field.current?.select();
    } else if (wasEditing.current) renameButton.current?.focus();
    wasEditing.current = editing.value;
  }, [editing.value]);
  const stopEditing = () => {
    editing.value = false;
    renameError.value = null;
  };
  const errorId = `rename-error-${source.id}`;
  return (
    <li class="source" data-testid="source-row">
      {editing.value ? (
        <form
          class="settings-row"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            stopEditing();
          }}
          onSubmit={(e) => {
            e.preventDefault();
            const title = String(new FormData(e.currentTarget).get('title') ?? '');
            void sources.rename(source.id, title).then((message) => (message ? (renameError.value = message) : stopEditing()));
          }}
        >
          <label for={`rename-${source.id}`} class="visually-hidden">
            New name for {source.title}
          </label>
          <input
            ref={field}
            id={`rename-${source.id}`}
            name="title"
            defaultValue={source.title}
            required
            maxLength={200}
            aria-invalid={renameError.value ? true : undefined}
            aria-describedby={renameError.value ? errorId : undefined}
          />
          <button class="button" type="submit">Save name</button>
          <button class="button button--quiet" type="button" onClick={stopEditing}>Cancel</button>
          {renameError.value && (
            <p class="source__error" id={errorId} role="alert" data-testid="rename-error">
              {renameError.value}
            </p>
          )}
        </form>
      ) : (
        <h3 class="source__title">{source.title || source.url}</h3>
      )}
      <p class="meta">
        {KIND_LABEL[source.kind]} · <span class="source__url">{source.url}</span>
      </p>
      <p class="meta">{syncedLabel(source)}</p>
      {source.lastError && (
        <p class="source__error" role="note" data-testid="source-error">
          {source.lastError}
          {source.lastError.includes('CORS proxy') && (
            <>
              {' '}
              <a href="/settings#proxy-heading">Set a CORS proxy</a>
            </>
          )}
        </p>
      )}
      {source.kind !== 'page' && <RetentionForm source={source} />}
      {!editing.value && (
        <div class="story__actions">
          <button ref={renameButton} class="button button--quiet" type="button" onClick={() => (editing.value = true)}>
            Rename
          </button>
          {source.kind !== 'sample' && source.kind !== 'page' && (
            <button
              class="button button--quiet"
              type="button"
              onClick={() => {
                if (confirm(`Stop following “${source.title}”? Its stories go too, except the ones you saved.`)) void sources.remove(source.id);
              }}
            >
              Remove
            </button>
          )}
        </div>
      )}
    </li>
  );
}

function RetentionForm({ source }: { source: Source }) {
  const { sources } = useModels();
  const error = useSignal<string | null>(null);
  // The form exists only while its disclosure is open: twenty sources' forms in the page made the
  // browser's form scanning (autofill) a long task on every update of the list, e.g. during a sync.
  const open = useSignal(false);
  const days = source.retention?.maxAgeDays ?? DEFAULT_RETENTION.maxAgeDays;
  const count = source.retention?.maxArticles ?? DEFAULT_RETENTION.maxArticles;
  // Either limit may be the one refused, so both fields point to the message.
  const errorId = error.value ? `retention-error-${source.id}` : undefined;
  return (
    <details class="retention" onToggle={(e) => (open.value = (e.currentTarget as HTMLDetailsElement).open)}>
      <summary>Keeps {retentionLabel({ maxAgeDays: days, maxArticles: count })}</summary>
      {open.value && <form
        class="settings-row"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          void sources
            .setRetention(source.id, Number(data.get('days')), Number(data.get('count')))
            .then((message) => (error.value = message));
        }}
      >
        <label for={`days-${source.id}`}>Days</label>
        <input id={`days-${source.id}`} name="days" type="number" min={1} max={3650} defaultValue={String(days)} required aria-invalid={errorId ? true : undefined} aria-describedby={errorId} />
        <label for={`count-${source.id}`}>Stories</label>
        <input id={`count-${source.id}`} name="count" type="number" min={1} max={100000} defaultValue={String(count)} required aria-invalid={errorId ? true : undefined} aria-describedby={errorId} />
        <button class="button button--quiet" type="submit">
          Save limits
        </button>
      </form>}
      {error.value && (
        <p class="source__error" id={errorId} role="alert">
          {error.value}
        </p>
      )}
    </details>
  );
}

function AddSource() {
  const { sources } = useModels();
  const state = sources.find.value;
  const followed = sources.followed.value;
  return (
    <section aria-labelledby="add-heading" class="settings-group">
      <h2 id="add-heading">Add a source</h2>
      <form
        class="settings-row"
        onSubmit={(e) => {
          e.preventDefault();
          void sources.lookUp(sources.address.value);
        }}
      >
        <label for="source-url">Feed or site address</label>
        <input
          id="source-url"
          name="url"
          type="text"
          inputMode="url"
          autoComplete="url"
          placeholder="https://example.com"
          required
          class="wide-input"
          aria-invalid={state.step === 'error' ? true : undefined}
          aria-describedby={state.step === 'error' ? 'find-error' : undefined}
          value={sources.address.value}
          onInput={(e) => (sources.address.value = e.currentTarget.value)}
        />
        <button class="button" type="submit" disabled={state.step === 'finding'}>
          {state.step === 'finding' ? 'Looking…' : 'Find'}
        </button>
      </form>
      {state.step === 'error' && (
        <p class="source__error" id="find-error" role="alert" data-testid="find-error">
          {state.message}
        </p>
      )}
      {state.step === 'found' && (
        <div class="preview" data-testid="source-preview">
          <p>
            Found: <strong data-testid="found-kind">{state.found.how}</strong> — <strong data-testid="found-title">{state.found.title}</strong>,{' '}
            {state.found.feed.items.length} {state.found.feed.items.length === 1 ? 'story' : 'stories'}.
          </p>
          <ul>
            {state.found.feed.items.slice(0, 5).map((item) => (
              <li key={item.guid ?? item.url} dir="auto">
                {item.title || item.url}
                {item.publishedAt && <span class="meta"> · {formatDay(item.publishedAt)}</span>}
              </li>
            ))}
          </ul>
          {followed && (
            <p data-testid="already-followed">
              You already follow this source as “{followed.title || followed.url}”.
            </p>
          )}
          <div class="story__actions">
            {!followed && (
              <button class="button" type="button" onClick={() => void sources.confirm()}>
                Follow this source
              </button>
            )}
            <button class="button button--quiet" type="button" onClick={sources.cancel}>
              {followed ? 'Close' : 'Cancel'}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** The sources page. */
export default function Sources() {
  const { sources, library } = useModels();
  usePageTitle('Sources');
  const portable = library.sources.value.some(isPortableSource);
  return (
    <>
      <h1 class="page-title">Sources</h1>
      {sources.notice.value && (
        <p class="status__note" role="status" data-testid="sources-notice">
          {sources.notice.value}
        </p>
      )}
      <AddSource />
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">You follow</h2>
        <ul class="source-list">
          {library.sources.value.map((s) => (
            <SourceRow key={s.id} source={s} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="opml-heading" class="settings-group">
        <h2 id="opml-heading">Move your sources (OPML)</h2>
        {!portable && (
          <p class="meta" id="opml-nothing">
            Nothing to export yet: the built-in sample edition comes with every install.
          </p>
        )}
        <div class="settings-row">
          <button
            class="button button--quiet"
            type="button"
            disabled={!portable}
            aria-describedby={portable ? undefined : 'opml-nothing'}
            onClick={() => void sources.exportOpml().then((xml) => xml && downloadText(xml, 'broadsheet-sources.opml', 'text/x-opml'))}
          >
            Export OPML
          </button>
          <input
            id="opml-file"
            class="visually-hidden"
            type="file"
            accept=".opml,.xml,text/x-opml,application/xml,text/xml"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void file.text().then(sources.importOpml);
              e.currentTarget.value = '';
            }}
          />
          {/* After its input, so the input's focus ring can be drawn on it (styles.css). */}
          <label class="button button--quiet" for="opml-file">
            Import OPML…
          </label>
        </div>
      </section>
    </>
  );
}
