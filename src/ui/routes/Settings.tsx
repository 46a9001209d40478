// Settings: reading speed (learned from finished reads, or the reader's own figure).
import { DEFAULT_WORDS_PER_MINUTE } from '../../domain/read-time';
import { MAX_WPM, MIN_SAMPLES, MIN_WPM } from '../../domain/reading-speed';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { formatBytes } from '../../storage/quota';
import { useModels } from '../app-context';
import { usePageTitle } from '../use-page-title';
import { TextSettings } from '../components/TextSettings';
import { BackupPanel } from '../components/BackupPanel';

/** The settings page. */
export default function Settings() {
  const { settings, storage } = useModels();
  usePageTitle('Settings');
  useEffect(() => void storage.refresh(), []);
  const use = storage.use.value;
  const learned = settings.learned.value;
  const override = settings.override.value;
  const reads = settings.samples.value.length;
  const effective = override ?? learned ?? DEFAULT_WORDS_PER_MINUTE;
  const proxyResult = useSignal<{ error: string } | { saved: string } | null>(null);
  const proxyError = proxyResult.value && 'error' in proxyResult.value ? proxyResult.value.error : null;
  const proxySaved = proxyResult.value && 'saved' in proxyResult.value ? proxyResult.value.saved : null;
  return (
    <>
      <h1 class="page-title">Settings</h1>
      <TextSettings />
      <section class="settings-group" aria-labelledby="speed-heading">
        <h2 id="speed-heading">Reading speed</h2>
        <p>
          Reading times use <strong data-testid="effective-speed">{effective} words a minute</strong>
          {override !== null ? ' (your setting).' : learned !== null ? ', learned from your recent reads.' : ' (the average adult reader).'}
        </p>
        <p class="meta">
          {learned !== null
            ? `Learned from your finished stories: ${learned} words a minute.`
            : `Broadsheet learns your speed after ${MIN_SAMPLES} finished stories (${Math.min(reads, MIN_SAMPLES)} so far).`}
        </p>
        <form
          class="settings-row"
          onSubmit={(e) => {
            e.preventDefault();
            const value = Number(new FormData(e.currentTarget).get('wpm'));
            void settings.setOverride(value);
          }}
        >
          <label for="wpm">My speed (words a minute)</label>
          <input id="wpm" name="wpm" type="number" min={MIN_WPM} max={MAX_WPM} step={10} value={effective} required />
          <button type="submit" class="button">
            Use this speed
          </button>
          {override !== null && (
            <button type="button" class="button button--quiet" onClick={() => void settings.setOverride(null)}>
              Use learned speed
            </button>
          )}
        </form>
      </section>
      <section class="settings-group" aria-labelledby="proxy-heading">
        <h2 id="proxy-heading">CORS proxy (optional)</h2>
        <p>
          Some sites do not let browser apps read their feeds. If you run or trust a CORS proxy, give its address with{' '}
          <code>{'{url}'}</code> where the site’s address goes. Leave it empty to fetch sites directly.
        </p>
        <form
          class="settings-row"
          onSubmit={(e) => {
            e.preventDefault();
            const value = String(new FormData(e.currentTarget).get('proxy') ?? '');
            // Cleared first, so the same error given twice is a new alert and is announced again.
            proxyResult.value = null;
            void settings
              .setCorsProxy(value)
              .then((error) => (proxyResult.value = error ? { error } : { saved: value.trim() ? 'Proxy saved.' : 'Proxy removed.' }));
          }}
        >
          <label for="proxy">Proxy address</label>
          <input
            id="proxy"
            name="proxy"
            type="text"
            inputMode="url"
            class="wide-input"
            placeholder="https://proxy.example/?url={url}"
            defaultValue={settings.corsProxy.value ?? ''}
            aria-invalid={proxyError ? true : undefined}
            aria-describedby={proxyError ? 'proxy-error' : undefined}
          />
          <button type="submit" class="button">Save proxy</button>
        </form>
        {proxyError && (
          <p role="alert" class="source__error" id="proxy-error" data-testid="proxy-error">
            {proxyError}
          </p>
        )}
        {proxySaved && <p role="status" class="meta">{proxySaved}</p>}
      </section>
      <section class="settings-group" aria-labelledby="storage-heading">
        <h2 id="storage-heading">Storage on this device</h2>
        <p data-testid="storage-use">
          {use
            ? `Broadsheet uses ${formatBytes(use.usage)} of the ${formatBytes(use.quota)} this browser allows it.`
            : 'This browser does not say how much storage Broadsheet uses.'}{' '}
          {use?.persisted === true ? 'Storage is persistent.' : use?.persisted === false ? 'The browser may clear it when space runs low.' : ''}
        </p>
        <div class="settings-row">
          {use?.persisted !== true && (
            <button type="button" class="button button--quiet" onClick={() => void storage.persist()}>
              Keep my stories (persistent storage)
            </button>
          )}
          <button type="button" class="button button--quiet" onClick={() => void storage.clearImages()}>
            Clear cached images
          </button>
          <button
            type="button"
            class="button button--danger"
            onClick={() => {
              if (confirm('Delete every story, saved story, source and setting on this device? This cannot be undone.')) void storage.deleteEverything();
            }}
          >
            Delete everything
          </button>
        </div>
        {storage.message.value && (
          <p role="status" class="meta" data-testid="storage-message">
            {storage.message.value}
          </p>
        )}
      </section>
      <BackupPanel />
    </>
  );
}
