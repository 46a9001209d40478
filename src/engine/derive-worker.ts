/// <reference lib="webworker" />
// A derive worker: turns a chunk of normalized items into stored articles (plain text, counts, term
// vector), so the engine worker's sync can spread derivation over the device's cores.
import type { ArticleInput } from '../domain/article';
import { deriveBatch } from '../sync/derive-batch';
import type { DeriveReply, DeriveRequest } from './derive-pool';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<DeriveRequest>) => {
  const { id, items, now } = event.data;
  // The body goes back unchanged: leave it out of the reply (the pool puts it back), half the copying.
  const outcomes = deriveBatch(items as ArticleInput[], now).map((o) => ('article' in o ? { article: { ...o.article, contentHtml: '' } } : o));
  self.postMessage({ id, outcomes } satisfies DeriveReply);
};
