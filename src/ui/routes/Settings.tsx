// Settings: reading speed (learned from finished reads, or the reader's own figure).
import { DEFAULT_WORDS_PER_MINUTE } from '../../domain/read-time';
import { MAX_WPM, MIN_SAMPLES, MIN_WPM } from '../../domain/reading-speed';
import { useSignal } from '@preact/signals';
import { useModels } from '../app-context';
import { usePageTitle } from '../use-page-title';

/** The settings page. */
export default function Settings() {
  const { settings } = useModels();
  usePageTitle('Settings');
  const learned = settings.learned.value;
  const override = settings.override.value;
  const reads = settings.samples.value.length;
  const effective = override ?? learned ?? DEFAULT_WORDS_PER_MINUTE;
  const proxyMessage = useSignal<string | null>(null);
  return (
    <>
      <h1 class="page-title">Settings</h1>
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
            void settings.setCorsProxy(value).then((error) => (proxyMessage.value = error ?? (value.trim() ? 'Proxy saved.' : 'Proxy removed.')));
          }}
        >
          <label for="proxy">Proxy address</label>
          <input id="proxy" name="proxy" type="text" inputMode="url" class="wide-input" placeholder="https://proxy.example/?url={url}" defaultValue={settings.corsProxy.value ?? ''} />
          <button type="submit" class="button">Save proxy</button>
        </form>
        {proxyMessage.value && <p role="status" class="meta">{proxyMessage.value}</p>}
      </section>
    </>
  );
}
