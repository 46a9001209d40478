// Save a web page by its URL (typed, pasted, or shared to the installed app through the share sheet).
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useModels } from '../app-context';
import { articleHref, SAVED_CONTEXT } from '../models/list-context';
import { usePageTitle } from '../use-page-title';

/** Phone share sheets often put the link in `text`, with words around it. */
function sharedUrl(query: Record<string, string>): string {
  if (query.url) return query.url;
  return /https?:\/\/\S+/.exec(query.text ?? '')?.[0] ?? '';
}

/** The save-a-page route (also the Web Share Target). */
export default function SavePage() {
  const { savePage } = useModels();
  const { query } = useLocation();
  usePageTitle('Save a page');
  const shared = sharedUrl(query);
  const started = useRef(false);
  useEffect(() => {
    void savePage.refreshPending();
    // Shared from another app: save at once, the reader already chose.
    if (shared && !started.current) {
      started.current = true;
      void savePage.save(shared);
    }
  }, [shared]);
  const state = savePage.state.value;
  return (
    <>
      <h1 class="page-title">Save a page</h1>
      <p>Paste the address of any article. Broadsheet keeps a clean, readable copy on this device.</p>
      <form
        class="settings-row"
        onSubmit={(e) => {
          e.preventDefault();
          void savePage.save(String(new FormData(e.currentTarget).get('url') ?? ''));
        }}
      >
        <label for="save-url">Page address</label>
        <input id="save-url" name="url" type="url" inputMode="url" required class="wide-input" defaultValue={shared} placeholder="https://…" />
        <button class="button" type="submit" disabled={state.step === 'saving'}>
          {state.step === 'saving' ? 'Saving…' : 'Save page'}
        </button>
      </form>
      <div role="status" data-testid="save-status">
        {state.step === 'saved' && (
          <p class="status__note">
            Saved: <a href={articleHref(state.articleId, SAVED_CONTEXT)}>{state.title}</a>
          </p>
        )}
        {state.step === 'queued' && <p class="status__offline">You are offline. The page will be saved when the network returns.</p>}
        {state.step === 'error' && <p class="source__error">{state.message}</p>}
      </div>
      {savePage.pending.value.length > 0 && (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading">Waiting for the network</h2>
          <ul class="source-list" data-testid="pending-list">
            {savePage.pending.value.map((e) => (
              <li key={e.id} class="source">
                <span class="source__url">{e.payload.url}</span>
                <p class="meta">
                  Pending{e.attempts ? ` · tried ${e.attempts} ${e.attempts === 1 ? 'time' : 'times'}` : ''}
                  {e.lastError ? ` · ${e.lastError}` : ''}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
