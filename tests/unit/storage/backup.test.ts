// Protects full backup and restore: a round trip restores every record of every store exactly, merge keeps the newer
// reader state, and a bad or hostile file (invalid JSON, wrong types, huge strings, __proto__ keys, javascript: URLs, a
// bad record deep in a large file) is refused with a message saying what and where, and changes nothing.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/domain/article';
import { deriveArticle } from '../../../src/domain/derive';
import type { Source } from '../../../src/domain/source';
import { exportBackup, importBackup, parseBackup, type BackupFile } from '../../../src/storage/backup';
import { BackupError } from '../../../src/storage/backup-validate';
import { openBroadsheetDb, type Db } from '../../../src/storage/db';
import { enqueue } from '../../../src/storage/outbox-repo';
import type { ReadingState } from '../../../src/storage/schema';

function makeArticle(i: number, sourceId = 'src-a'): Article {
  return deriveArticle(
    {
      sourceId, guid: `g${i}`, url: `https://news.example/story/${i}`, title: `Story ${i}: rivers flood the valley`,
      dek: 'Towns prepare.', author: 'A. Writer', sections: ['World', 'Weather'], publishedAt: 1_700_000_000_000 + i * 60_000,
      updatedAt: i % 2 ? null : 1_700_000_100_000, contentHtml: `<p>Rivers rose overnight in story ${i}.</p><img src="/a.jpg">`,
      baseUrl: 'https://news.example/', imageUrl: i % 2 ? null : 'https://news.example/lead.jpg', language: 'en',
    },
    1_700_000_500_000,
  );
}

const state = (articleId: string, change: Partial<ReadingState> = {}): ReadingState => ({
  articleId, read: false, readAt: null, saved: false, savedAt: null, progress: null, timeSpentMs: 0, updatedAt: 100, ...change,
});

const feedSource: Source = {
  id: 'src-a', kind: 'rss', url: 'https://news.example/feed.xml', title: 'News Example', etag: '"abc"', lastModified: 'Tue, 14 Nov 2023 22:13:20 GMT',
  addedAt: 1, lastSyncAt: 2, lastError: null, status: 'ok', failures: 0, nextAttemptAt: null, retention: { maxAgeDays: 30, maxArticles: 200 },
};
const pagesSource: Source = {
  id: 'saved-pages', kind: 'page', url: 'about:saved-pages', title: 'Saved pages', etag: null, lastModified: null,
  addedAt: 3, lastSyncAt: null, lastError: null, status: 'ok',
};

let dbCount = 0;
async function freshDb(): Promise<Db> {
  return openBroadsheetDb({}, `backup-${++dbCount}`);
}

async function seeded(): Promise<Db> {
  const db = await freshDb();
  const tx = db.transaction(['articles', 'readingState', 'sources', 'meta'], 'readwrite');
  for (let i = 1; i <= 3; i++) void tx.objectStore('articles').put(makeArticle(i));
  void tx.objectStore('readingState').put(state(makeArticle(1).id, { read: true, readAt: 500, timeSpentMs: 61_234.5, updatedAt: 500 }));
  void tx.objectStore('readingState').put(state(makeArticle(2).id, { saved: true, savedAt: 600, progress: { paragraph: 3, offset: 0.25 }, updatedAt: 600 }));
  void tx.objectStore('sources').put(feedSource);
  void tx.objectStore('sources').put(pagesSource);
  void tx.objectStore('meta').put(150, 'readingSpeedOverride');
  void tx.objectStore('meta').put([{ words: 800, activeMs: 200_000 }], 'readSamples');
  void tx.objectStore('meta').put(1_700_000_600_000, 'lastSyncAt');
  void tx.objectStore('meta').put(null, 'corsProxy');
  void tx.objectStore('meta').put({ fontScale: 1.15, fontFamily: 'sans', theme: 'dark', lineWidth: 'wide' }, 'readerPrefs');
  await tx.done;
  await enqueue(db, { kind: 'save-url', payload: { url: 'https://news.example/later' } }, 10);
  return db;
}

/** Every record of every store, for "identical" and "unchanged" comparisons. */
async function snapshot(db: Db) {
  const metaKeys = await db.getAllKeys('meta');
  return {
    articles: await db.getAll('articles'),
    readingState: await db.getAll('readingState'),
    sources: await db.getAll('sources'),
    meta: await Promise.all(metaKeys.map(async (key) => [key, await db.get('meta', key)])),
    outbox: await db.getAll('outbox'),
  };
}

/** What the app does with a chosen file: validate all of it, then write it (replace: the most destructive mode). */
async function restore(db: Db, text: string, mode: 'merge' | 'replace' = 'replace') {
  return importBackup(db, parseBackup(text), mode);
}

async function backupText(): Promise<string> {
  const db = await seeded();
  const text = JSON.stringify(await exportBackup(db, Date.UTC(2024, 0, 2)));
  db.close();
  return text;
}

/** Edits the exported backup as plain data, then serializes it again. */
async function edited(change: (file: BackupFile & Record<string, unknown>) => void): Promise<string> {
  const file = JSON.parse(await backupText());
  change(file);
  return JSON.stringify(file);
}

describe('backup round trip', () => {
  it('export then import into a fresh database gives identical records in every store, without the outbox', async () => {
    const source = await seeded();
    const file = await exportBackup(source, Date.UTC(2024, 0, 2));
    expect(file).toMatchObject({ format: 'broadsheet-backup', version: 1, schemaVersion: 3, exportedAt: '2024-01-02T00:00:00.000Z' });
    expect(file.counts).toEqual({ articles: 3, readingState: 2, sources: 2, meta: 5 });
    expect(JSON.stringify(file)).not.toContain('https://news.example/later');

    const target = await freshDb();
    const result = await restore(target, JSON.stringify(file));
    expect(result).toEqual({ articles: 3, readingState: 2, sources: 2, meta: 5, keptLocal: 0 });
    const before = await snapshot(source);
    expect(await snapshot(target)).toEqual({ ...before, outbox: [] });
    // Derived fields travel too: the restored app needs no re-derivation.
    expect((await target.get('articles', makeArticle(1).id))?.terms.terms.length).toBeGreaterThan(3);
  });

  it('merge keeps the newer reader state of each article and everything the backup does not mention', async () => {
    const text = await backupText();
    const db = await freshDb();
    const [a1, a2] = [makeArticle(1).id, makeArticle(2).id];
    const localOnly = makeArticle(9, 'src-b');
    await db.put('articles', localOnly);
    await db.put('readingState', state(a1, { read: false, updatedAt: 9_999 })); // changed here after the backup
    await db.put('readingState', state(a2, { updatedAt: 1 })); // older than the backup's
    await db.put('meta', 'keep me', 'somethingLocal');

    const result = await restore(db, text, 'merge');
    expect(result.keptLocal).toBe(1);
    expect(result.readingState).toBe(1);
    expect((await db.get('readingState', a1))?.read).toBe(false);
    expect(await db.get('readingState', a2)).toMatchObject({ saved: true, savedAt: 600, progress: { paragraph: 3, offset: 0.25 } });
    expect(await db.get('articles', localOnly.id)).toEqual(localOnly);
    expect(await db.get('meta', 'somethingLocal')).toBe('keep me');
    expect(await db.get('meta', 'readingSpeedOverride')).toBe(150);
    expect(await db.count('articles')).toBe(4);

    // The same backup merged again: the states are the same, so none is reported as kept instead.
    const again = await restore(db, text, 'merge');
    expect(again.keptLocal).toBe(1);
    expect(again.readingState).toBe(0);
  });

  it('replace drops what the backup does not have, but keeps this device’s pending offline actions', async () => {
    const text = await backupText();
    const db = await freshDb();
    await db.put('articles', makeArticle(9, 'src-b'));
    await enqueue(db, { kind: 'add-source', payload: { url: 'https://other.example/' } }, 5);
    await restore(db, text, 'replace');
    expect(await db.count('articles')).toBe(3);
    expect(await db.count('outbox')).toBe(1);
  });
});

/** The RSS source of a backup (sources come out in id order: "saved-pages" first). */
const feed = (f: BackupFile) => f.sources.find((s) => s.id === 'src-a')!;

describe('bad backups are refused and change nothing', () => {
  const cases: Array<[string, () => Promise<string>, RegExp]> = [
    ['invalid (truncated) JSON', async () => (await backupText()).slice(0, -40), /damaged: it is not valid JSON/],
    ['a JSON file that is not a backup', async () => '{"items":[]}', /not a Broadsheet backup/],
    ['a list instead of a backup', async () => '[1,2]', /not a Broadsheet backup/],
    ['a future format version', () => edited((f) => void (f.version = 2 as 1)), /newer version of Broadsheet \(backup format 2\)/],
    ['a future database version', () => edited((f) => void (f.schemaVersion = 99)), /newer version of Broadsheet \(database version 99\)/],
    ['a missing title', () => edited((f) => void delete (f.articles[1] as Partial<Article>).title), /^This backup is damaged: article 2 has no title\.$/],
    ['a title that is a number', () => edited((f) => void ((f.articles[2] as unknown as { title: number }).title = 5)), /article 3's title is not text/],
    ['a date that is a string', () => edited((f) => void ((f.articles[0] as unknown as { publishedAt: string }).publishedAt = 'x')), /article 1's publication date is not a valid date/],
    ['an infinite number (1e999)', async () => (await backupText()).replace('"cjkCount":0', '"cjkCount":1e999'), /article 1's CJK character count is not a whole number/],
    ['an infinite date', async () => (await backupText()).replace(/"savedAt":\d+/, '"savedAt":-1e999'), /reader state \d's saved date is not a valid date/],
    ['term arrays of unequal length', () => edited((f) => void f.articles[0]!.terms.weights.pop()), /article 1's term vector has \d+ terms but \d+ weights/],
    ['unsorted terms', () => edited((f) => void f.articles[0]!.terms.terms.reverse()), /article 1's term vector terms are not in sorted order/],
    ['a title over 1,000 characters', () => edited((f) => void (f.articles[0]!.title = 'x'.repeat(1001))), /article 1's title is longer than 1,000 characters/],
    ['a string over 5 MB', () => edited((f) => void (f.articles[0]!.contentHtml = 'x'.repeat(5 * 1024 * 1024 + 1))), /“contentHtml” field holds more than 5 MB/],
    ['a javascript: article URL', () => edited((f) => void (f.articles[0]!.url = 'javascript:alert(1)')), /article 1's web address is not an http or https address/],
    ['a data: image URL', () => edited((f) => void (f.articles[0]!.imageUrl = 'data:image/svg+xml,<svg onload=alert(1)>')), /article 1's image address is not an http or https address/],
    ['a javascript: source URL', () => edited((f) => void (feed(f).url = 'java\tscript:alert(1)')), /source 2's web address is not an http or https address/],
    ['about: on a feed source', () => edited((f) => void (feed(f).url = 'about:saved-pages')), /source 2's web address is not an http or https address/],
    ['an unknown source kind', () => edited((f) => void ((feed(f) as unknown as { kind: string }).kind = 'ftp')), /source 2's kind is not one of/],
    ['a read flag that is a string', () => edited((f) => void ((f.readingState[0] as unknown as { read: string }).read = 'yes')), /reader state 1's read flag is not true or false/],
    ['progress beyond the paragraph', () => edited((f) => void (f.readingState[1]!.progress = { paragraph: 1, offset: 7 })), /reader state 2's progress offset is out of range/],
    ['a wrong-typed known setting', () => edited((f) => void (f.meta.find((m) => m.key === 'readSamples')!.value = 'fast')), /setting “readSamples” is not a list/],
    ['an unknown field', () => edited((f) => void ((f.sources[1] as unknown as Record<string, unknown>).script = '<x>')), /source 2 has an unknown field “script”/],
    ['counts that do not match', () => edited((f) => void f.articles.pop()), /says it holds 3 articles but has 2/],
    ['duplicate ids', () => edited((f) => void (f.articles[2] = f.articles[0]!)), /article 3 has the same id as article 1/],
    ['a __proto__ key', async () => (await backupText()).replace('"title":', '"__proto__":{"polluted":true},"title":'), /refused: it contains a “__proto__” field/],
    ['a constructor key deep in a setting', async () => (await backupText()).replace('"theme":', '"constructor":{"prototype":{"polluted":true}},"theme":'), /“(constructor|prototype)” field/],
  ];

  for (const [name, make, message] of cases) {
    it(`refuses ${name}`, async () => {
      const text = await make();
      const db = await seeded();
      await db.put('articles', makeArticle(42, 'src-local'));
      const before = await snapshot(db);
      const error = await restore(db, text).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(BackupError);
      expect((error as Error).message).toMatch(message);
      expect(await snapshot(db)).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    });
  }

  it('refuses a bad record halfway through a large valid file, writing none of the others', async () => {
    const articles = Array.from({ length: 2_000 }, (_, i) => makeArticle(i + 1));
    const text = await edited((f) => {
      f.articles = articles;
      f.counts.articles = articles.length;
      (f.articles[999] as unknown as { wordCount: string }).wordCount = 'many';
    });
    const db = await freshDb();
    await db.put('articles', makeArticle(42, 'src-local'));
    const before = await snapshot(db);
    await expect(restore(db, text)).rejects.toThrow(/article 1000's word count is not a whole number/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('rolls back the whole import when the database refuses a record halfway (nothing cleared, nothing written)', async () => {
    const file = parseBackup(await backupText());
    const articles = Array.from({ length: 1_000 }, (_, i) => makeArticle(i + 1));
    // Bypasses validation on purpose: proves the transaction, not the validator, keeps the store whole.
    (articles[500] as Partial<Article>).id = undefined;
    const db = await seeded();
    const before = await snapshot(db);
    await expect(importBackup(db, { ...file, articles }, 'replace')).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });

  it('will not write a lossy backup of a setting JSON cannot hold', async () => {
    const db = await freshDb();
    await db.put('meta', new Map([['a', 1]]), 'oddSetting');
    await expect(exportBackup(db)).rejects.toThrow(/cannot back up setting “oddSetting”/);
  });
});
