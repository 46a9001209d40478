// Text settings: font size, typeface, theme and line width, applied as the reader changes them.
import { useModels } from '../app-context';
import type { ReaderPrefs, Theme } from '../models/reader-prefs';

const THEMES: Array<[Theme, string]> = [['system', 'Device'], ['light', 'Light'], ['dark', 'Dark'], ['sepia', 'Sepia']];
const WIDTHS: Array<[ReaderPrefs['lineWidth'], string]> = [['narrow', 'Narrow'], ['medium', 'Medium'], ['wide', 'Wide']];

function Choice<T extends string>({ name, legend, options, value, onChange }: {
  name: string; legend: string; options: Array<[T, string]>; value: T; onChange: (v: T) => void;
}) {
  return (
    <fieldset class="choice">
      <legend>{legend}</legend>
      {options.map(([v, label]) => (
        <label key={v}>
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} /> {label}
        </label>
      ))}
    </fieldset>
  );
}

/** The text-settings section (used on the Settings page). */
export function TextSettings() {
  const { prefs } = useModels();
  const p = prefs.prefs.value;
  return (
    <section class="settings-group" aria-labelledby="text-heading">
      <h2 id="text-heading">Text</h2>
      <div class="settings-row" role="group" aria-label="Font size">
        <button type="button" class="button button--quiet" onClick={() => prefs.stepFont(-1)} disabled={p.fontScale === prefs.scales[0]}>
          Smaller text
        </button>
        <span data-testid="font-size">{Math.round(p.fontScale * 100)}%</span>
        <button type="button" class="button button--quiet" onClick={() => prefs.stepFont(1)} disabled={p.fontScale === prefs.scales[prefs.scales.length - 1]}>
          Larger text
        </button>
      </div>
      <Choice name="font" legend="Typeface" options={[['serif', 'Serif'], ['sans', 'Sans serif']]} value={p.fontFamily} onChange={(fontFamily) => prefs.update({ fontFamily })} />
      <Choice name="theme" legend="Theme" options={THEMES} value={p.theme} onChange={(theme) => prefs.update({ theme })} />
      <Choice name="width" legend="Line width" options={WIDTHS} value={p.lineWidth} onChange={(lineWidth) => prefs.update({ lineWidth })} />
    </section>
  );
}
