// The backup section of Settings: back up everything to one file, restore one (merge or replace).
import { useSignal } from '@preact/signals';
import type { ImportMode } from '../../storage/backup';
import { useModels } from '../app-context';

/** Back up and restore, as a settings section. */
export function BackupPanel() {
  const { backup, library, settings, prefs } = useModels();
  const mode = useSignal<ImportMode>('merge');
  const busy = backup.busy.value;

  async function restore(file: File): Promise<void> {
    if (mode.value === 'replace' && !confirm('Replace every story, saved story, source and setting on this device with the backup?')) return;
    const restored = await backup.importFile(file, mode.value);
    if (!restored) return;
    // Lists, the related index and settings were read before the restore: make them read again.
    await Promise.all([library.storiesChanged(), settings.load()]);
    const textSettings = restored.backup.meta.find((m) => m.key === 'readerPrefs');
    if (textSettings) prefs.replace(textSettings.value);
  }

  return (
    <section class="settings-group" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Back up and restore</h2>
      <p>
        One file with every story, what you read and saved, your sources and your settings. Restore it here or in Broadsheet on
        another device. Broadsheet checks the whole file first: a damaged file changes nothing.
      </p>
      <div class="settings-row">
        <button type="button" class="button" disabled={busy} onClick={() => void backup.exportNow()}>
          Back up everything
        </button>
      </div>
      <fieldset class="choice">
        <legend>When restoring</legend>
        <label>
          <input type="radio" name="restore-mode" value="merge" checked={mode.value === 'merge'} onChange={() => (mode.value = 'merge')} />{' '}
          Merge with what is here
        </label>
        <label>
          <input type="radio" name="restore-mode" value="replace" checked={mode.value === 'replace'} onChange={() => (mode.value = 'replace')} />{' '}
          Replace everything here
        </label>
      </fieldset>
      <div class="settings-row">
        <input
          id="backup-file"
          class="visually-hidden"
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // Cleared so choosing the same file again still fires a change.
            e.currentTarget.value = '';
            if (file) void restore(file);
          }}
        />
        {/* After its input, so the input's focus ring can be drawn on it (styles.css). */}
        <label class="button button--quiet" for="backup-file">
          Restore from a backup…
        </label>
      </div>
      {busy && <p class="meta" role="status">Working…</p>}
      {backup.message.value && (
        <p role={backup.failed.value ? 'alert' : 'status'} class={backup.failed.value ? 'source__error' : 'meta'} data-testid="backup-message">
          {backup.message.value}
        </p>
      )}
    </section>
  );
}
