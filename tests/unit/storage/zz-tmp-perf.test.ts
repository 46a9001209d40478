import { it } from 'vitest';
import { deriveArticle } from '../../../src/domain/derive';
import { parseBackup } from '../../../src/storage/backup';
it('perf', () => {
  const body = '<p>' + 'Rivers rose overnight as the storm moved east and towns prepared. '.repeat(120) + '</p>';
  const articles = Array.from({ length: 10000 }, (_, i) => deriveArticle({ sourceId: 's', guid: 'g' + i, url: 'https://x.example/' + i, title: 'Story ' + i + ' storm', dek: '', author: null, sections: ['World'], publishedAt: 1e12 + i, updatedAt: null, contentHtml: body, baseUrl: 'https://x.example/', imageUrl: null, language: 'en' }, 1e12));
  const file = { format: 'broadsheet-backup', version: 1, schemaVersion: 2, exportedAt: new Date().toISOString(), counts: { articles: 10000, readingState: 0, sources: 0, meta: 0 }, articles, readingState: [], sources: [], meta: [] };
  const text = JSON.stringify(file);
  const t0 = performance.now(); JSON.parse(text); const t1 = performance.now();
  parseBackup(text); const t2 = performance.now();
  console.log('MB', (text.length / 1e6).toFixed(1), 'plain parse ms', (t1 - t0).toFixed(0), 'parseBackup ms', (t2 - t1).toFixed(0));
}, 120000);
