// Reader settings that change what the app shows: for now, reading speed (learned or set by hand).
import { computed, signal } from '@preact/signals';
import type { ReadSpeed } from '../../domain/read-time';
import { addSample, learnedWordsPerMinute, MAX_WPM, MIN_WPM, type ReadSample } from '../../domain/reading-speed';
import type { Db } from '../../storage/db';
import { getMeta, setMeta } from '../../storage/meta-repo';

const OVERRIDE_KEY = 'readingSpeedOverride';
const SAMPLES_KEY = 'readSamples';
const PROXY_KEY = 'corsProxy';

/** Creates the settings model; values load from storage in the background. */
export function createSettingsModel(dbReady: Promise<Db>) {
  const override = signal<number | null>(null);
  const samples = signal<ReadSample[]>([]);
  /** Optional CORS proxy URL template for sites that do not let browser apps read them. */
  const corsProxy = signal<string | null>(null);
  const learned = computed(() => learnedWordsPerMinute(samples.value));
  /** The speed every displayed reading time uses: the reader's choice, else what we learned, else the default. */
  const speed = computed<ReadSpeed>(() => {
    const wpm = override.value ?? learned.value;
    return wpm ? { wordsPerMinute: wpm } : {};
  });

  async function load(): Promise<void> {
    const db = await dbReady;
    override.value = await getMeta<number | null>(db, OVERRIDE_KEY, null);
    samples.value = await getMeta<ReadSample[]>(db, SAMPLES_KEY, []);
    corsProxy.value = await getMeta<string | null>(db, PROXY_KEY, null);
  }

  /** Sets the reader's own words per minute (clamped), or null to go back to the learned speed. */
  async function setOverride(wpm: number | null): Promise<void> {
    const value = wpm === null || !Number.isFinite(wpm) ? null : Math.round(Math.min(MAX_WPM, Math.max(MIN_WPM, wpm)));
    override.value = value;
    await setMeta(await dbReady, OVERRIDE_KEY, value);
  }

  /** Records a finished read so the learned speed follows the reader. */
  async function recordRead(sample: ReadSample): Promise<void> {
    samples.value = addSample(samples.value, sample);
    await setMeta(await dbReady, SAMPLES_KEY, samples.value);
  }

  /** Sets or clears the CORS proxy template; refuses anything but an http(s) URL containing {url} or ending in = or /. */
  async function setCorsProxy(template: string | null): Promise<string | null> {
    const value = template?.trim() || null;
    if (value !== null) {
      const probe = value.replace('{url}', 'x');
      if (!URL.canParse(probe) || !/^https?:$/.test(new URL(probe).protocol)) return 'The proxy must be an http(s) address, such as https://proxy.example/?url={url}.';
    }
    corsProxy.value = value;
    await setMeta(await dbReady, PROXY_KEY, value);
    return null;
  }

  return { override, samples, learned, speed, corsProxy, load, setOverride, recordRead, setCorsProxy };
}

/** The settings model's public shape. */
export type SettingsModel = ReturnType<typeof createSettingsModel>;
