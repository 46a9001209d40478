// The backup panel's model: export everything to one JSON file, and restore one after validating it.
import { signal } from '@preact/signals';
import type { BackupFile, ImportMode, ImportResult } from '../../storage/backup';
import type { Db } from '../../storage/db';
import { downloadText } from '../download';

/** The file name a backup made on `date` gets (local date, so it matches the reader's calendar). */
export function backupFileName(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `broadsheet-backup-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

const stories = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'story' : 'stories'}`;
const sources = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'source' : 'sources'}`;

/** Creates the backup model; `download` is injectable for tests. */
export function createBackupModel(dbReady: Promise<Db>, download = downloadText) {
  const busy = signal(false);
  const message = signal<string | null>(null);
  /** True when `message` reports a refusal or failure (shown as an alert). */
  const failed = signal(false);

  function say(text: string, isError = false): void {
    message.value = text;
    failed.value = isError;
  }

  /** Writes every story, reader state, source and setting to a JSON file the browser downloads. */
  async function exportNow(): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    try {
      // Backups (and their validation) load with the first use, not with the app.
      const [{ exportBackup }, { LIMITS }] = await Promise.all([import('../../storage/backup'), import('../../storage/backup-validate')]);
      const file = await exportBackup(await dbReady);
      const json = JSON.stringify(file);
      // A file the restore would refuse is worse than none: it looks like safety and is not.
      if (new Blob([json]).size > LIMITS.fileBytes) {
        say('Everything together is over 200 MB, more than a backup can restore. Keep fewer stories per source (Sources), then back up again.', true);
        return;
      }
      download(json, backupFileName(), 'application/json');
      // Saved stories the file holds: a state may outlive its story (removed by retention), and is not one.
      const stored = new Set(file.articles.map((a) => a.id));
      const saved = file.readingState.filter((s) => s.saved && stored.has(s.articleId)).length;
      say(`Backed up ${stories(file.counts.articles)} (${saved} saved), ${sources(file.counts.sources)} and your settings.`);
    } catch (err) {
      say(`The backup could not be made: ${err instanceof Error ? err.message : String(err)}`, true);
    } finally {
      busy.value = false;
    }
  }

  /**
   * Validates a backup file and restores it; returns what was written and the parsed file (so other
   * models can apply restored settings), or null when it was refused, in which case nothing changed.
   */
  async function importFile(file: File, mode: ImportMode): Promise<{ result: ImportResult; backup: BackupFile } | null> {
    if (busy.value) return null;
    busy.value = true;
    try {
      const [{ importBackup, parseBackup }, { BackupError, LIMITS }] = await Promise.all([import('../../storage/backup'), import('../../storage/backup-validate')]);
      // Checked before reading: a multi-gigabyte file would exhaust memory before JSON.parse could refuse it.
      if (file.size > LIMITS.fileBytes) throw new BackupError('This file is too large to be a Broadsheet backup (over 200 MB).');
      const backup = parseBackup(await file.text());
      const result = await importBackup(await dbReady, backup, mode);
      say(
        `${mode === 'replace' ? 'Restored' : 'Merged'} ${stories(result.articles)}, ${sources(result.sources)}, ` +
          `your reading history and settings.` +
          (result.keptLocal ? ` Kept ${result.keptLocal} newer reading ${result.keptLocal === 1 ? 'state' : 'states'} from this device.` : ''),
      );
      return { result, backup };
    } catch (err) {
      // A refusal (BackupError) already says why in the reader's words.
      const why = err instanceof Error && err.name === 'BackupError' ? err.message : `The backup could not be restored: ${err instanceof Error ? err.message : String(err)}`;
      say(`${why} Nothing was changed.`, true);
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { busy, message, failed, exportNow, importFile };
}

/** The backup model's public shape. */
export type BackupModel = ReturnType<typeof createBackupModel>;
