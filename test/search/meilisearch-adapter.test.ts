import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MeilisearchEngine, MeilisearchTaskFailed, reindexMeilisearch } from '../../search/meilisearch-engine.js';
import { drainOutbox } from '../../search/outbox.js';
import { SearchSort, type ProductDocument } from '../../search/port.js';
import { categoryId, pemdaIds, productInput, publishedProduct, vendorAccount } from '../support/catalogue.js';
import { createTestApp, type TestApp } from '../support/harness.js';

/**
 * Meilisearch's HTTP answers as its documentation gives them (v1.12), played by a small server that records every
 * request: the adapter is tested at its boundary, the requests it sends and what it does with each answer. It stands
 * in for the external engine only; the database in these tests is the real one.
 */
class MeiliStub {
  readonly requests: { method: string; path: string; body: any }[] = [];
  readonly indexes = new Set<string>();
  /** The status the next finished task reports, and its error. */
  taskOutcome: { status: 'succeeded' | 'failed'; error?: { code: string; message: string } } = { status: 'succeeded' };
  /** Called when documents arrive, before the answer: to look at the database while the adapter waits. */
  onDocuments: () => Promise<void> = async () => {};
  private tasks = new Map<number, any>();
  private server!: Server;
  url = '';

  async start() {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => void this.answer(req.method!, req.url!, raw ? JSON.parse(raw) : null).then(([status, body]) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      }));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop() {
    return new Promise((resolve) => this.server.close(resolve));
  }

  writes() {
    return this.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
  }

  private enqueue(indexUid: string | null, type: string, apply = () => {}): [number, unknown] {
    const uid = this.tasks.size + 1;
    const { status, error } = this.taskOutcome;
    if (status === 'succeeded') apply();
    this.tasks.set(uid, { uid, batchUid: uid, indexUid, status, type, canceledBy: null, details: {}, error: error ? { ...error, type: 'invalid_request', link: 'https://docs.meilisearch.com/errors' } : null, duration: 'PT0.001S', enqueuedAt: new Date().toISOString(), startedAt: new Date().toISOString(), finishedAt: new Date().toISOString() });
    return [202, { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: new Date().toISOString() }];
  }

  private async answer(method: string, url: string, body: any): Promise<[number, unknown]> {
    const path = url.split('?')[0];
    if (path !== '/health' && !path.startsWith('/tasks/')) this.requests.push({ method, path, body });
    const index = path.match(/^\/indexes\/([^/]+)(\/.*)?$/);
    if (method === 'GET' && path.startsWith('/tasks/')) return [200, this.tasks.get(Number(path.slice(7)))];
    if (method === 'POST' && path === '/indexes') return this.enqueue(body.uid, 'indexCreation', () => this.indexes.add(body.uid));
    if (method === 'POST' && path === '/swap-indexes') return this.enqueue(null, 'indexSwap');
    if (index && method === 'GET' && !index[2]) {
      return this.indexes.has(index[1])
        ? [200, { uid: index[1], primaryKey: 'id', createdAt: '2026-12-03T00:00:00Z', updatedAt: '2026-12-03T00:00:00Z' }]
        : [404, { message: `Index \`${index[1]}\` not found.`, code: 'index_not_found', type: 'invalid_request', link: 'https://docs.meilisearch.com/errors#index_not_found' }];
    }
    if (index && method === 'DELETE' && !index[2]) return this.enqueue(index[1], 'indexDeletion', () => this.indexes.delete(index[1]));
    if (index && index[2] === '/settings') return this.enqueue(index[1], 'settingsUpdate');
    if (index && index[2] === '/documents' && method === 'POST') {
      await this.onDocuments();
      // Meilisearch creates a missing index here, with default settings: the adapter must never let that happen.
      return this.enqueue(index[1], 'documentAdditionOrUpdate', () => this.indexes.add(index[1]));
    }
    if (index && index[2] === '/documents/delete-batch') return this.enqueue(index[1], 'documentDeletion');
    if (index && index[2] === '/search') {
      return [200, { hits: [{ id: 'p1', name: 'Beras', description: 'Beras pulen', _rankingScore: 0.9 }], query: body.q, processingTimeMs: 1, hitsPerPage: body.hitsPerPage, page: body.page, totalPages: 7, totalHits: 137, facetDistribution: { categoryId: { 'cat-b': 1, 'cat-a': 5 }, isLocal: { true: 3 }, priceBand: { '>= Rp1.000.000': 2 } } }];
    }
    return [404, { message: 'not in the stub', code: 'not_found', type: 'invalid_request', link: '' }];
  }
}

const document = (id: string): ProductDocument => ({ id, name: 'Beras Pulen' }) as unknown as ProductDocument;
const PEMDA = '11111111-1111-4111-8111-111111111111';

describe('the Meilisearch adapter, at its boundary (v1.12)', () => {
  let stub: MeiliStub;
  let engine: MeilisearchEngine;
  beforeEach(async () => {
    stub = new MeiliStub();
    await stub.start();
    engine = new MeilisearchEngine(stub.url, null, 'products');
  });
  afterEach(() => stub.stop());
  const uid = () => engine.indexUid(PEMDA);

  it('a failed task is a failure, with its code: never taken for success', async () => {
    stub.indexes.add(uid());
    stub.taskOutcome = { status: 'failed', error: { code: 'invalid_document_id', message: 'Document identifier `x y` is invalid.' } };
    const error = await engine.upsert(PEMDA, [document('x y')]).catch((e) => e);
    expect(error).toBeInstanceOf(MeilisearchTaskFailed);
    expect(error.message).toContain('invalid_document_id');
    await expect(engine.remove(PEMDA, ['p1'])).rejects.toThrow(/failed \(invalid_document_id\)/);
  });

  it('documents never create an index with default settings: the index and its settings come first', async () => {
    await engine.upsert(PEMDA, [document('p1')]);
    expect(stub.writes()).toEqual(['POST /indexes', `PATCH /indexes/${uid()}/settings`, `POST /indexes/${uid()}/documents`]);
    const settings = stub.requests.find((r) => r.path.endsWith('/settings'))!.body;
    expect(settings.filterableAttributes).toContain('categoryId');
    await engine.upsert(PEMDA, [document('p2')]); // known now: straight to the documents
    expect(stub.writes().slice(3)).toEqual([`POST /indexes/${uid()}/documents`]);
  });

  it('settings: sort ranks first (a price sort is price order), one typo from 5 letters, Indonesian stop words', async () => {
    await engine.upsert(PEMDA, [document('p1')]);
    const settings = stub.requests.find((r) => r.path.endsWith('/settings'))!.body;
    expect(settings.rankingRules).toEqual(['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness']);
    expect(settings.typoTolerance.minWordSizeForTypos).toEqual({ oneTypo: 5, twoTypos: 9 });
    expect(settings.stopWords).toEqual(expect.arrayContaining(['yang', 'dan', 'untuk']));
    expect(settings.faceting).toEqual({ maxValuesPerFacet: 1000, sortFacetValuesBy: { '*': 'count' } });
  });

  it('searches by page for an exhaustive total, and browses newest first', async () => {
    const filter = {};
    const result = await engine.search({ pemdaId: PEMDA, query: '', filter, sort: SearchSort.RELEVANCE, offset: 40, limit: 20 } as never);
    const sent = stub.requests.find((r) => r.path.endsWith('/search'))!.body;
    expect(sent).toEqual(expect.objectContaining({ q: '', page: 3, hitsPerPage: 20, sort: ['createdAt:desc'] }));
    expect(sent.offset).toBeUndefined();
    expect(result.total).toBe(137);
    // Facets in the PostgreSQL engine's shape: categories by count, both yes/no buckets, every price band in order.
    expect(result.facets.categories).toEqual([{ value: 'cat-a', count: 5 }, { value: 'cat-b', count: 1 }]);
    expect(result.facets.local).toEqual([{ value: 'true', count: 3 }, { value: 'false', count: 0 }]);
    expect(result.facets.priceBands.map((b) => b.count)).toEqual([0, 0, 0, 0, 0, 2]);
    expect(sent.facets).toEqual(['categoryId', 'isLocal', 'isUmkk', 'isPdn', 'basicNeeds', 'priceBand']);
    await engine.search({ pemdaId: PEMDA, query: 'beras', filter, sort: SearchSort.PRICE_ASC, offset: 0, limit: 20 } as never);
    expect(stub.requests.filter((r) => r.path.endsWith('/search'))[1].body).toEqual(expect.objectContaining({ q: 'beras', page: 1, sort: ['price:asc'] }));
  });

  it('a reindex swaps with only the fields v1.12 accepts, after making sure the live index exists', async () => {
    async function* batches() {
      yield [document('p1')];
    }
    await engine.rebuild(PEMDA, batches(), new Map([['migor', ['minyak goreng']]]));
    const swap = stub.requests.find((r) => r.path === '/swap-indexes')!;
    expect(swap.body).toEqual([{ indexes: [uid(), expect.stringMatching(new RegExp(`^${uid()}_\\d+$`))] }]);
    expect(stub.writes().indexOf(`POST /indexes`)).toBeLessThan(stub.writes().indexOf('POST /swap-indexes'));
  });
});

describe('the outbox with Meilisearch, at the boundary', () => {
  let t: TestApp;
  let stub: MeiliStub;
  beforeAll(async () => {
    t = await createTestApp();
    stub = new MeiliStub();
    await stub.start();
  }, 60_000);
  afterAll(async () => {
    await stub.stop();
    await t.close();
  });

  it('holds no transaction while Meilisearch works, keeps the rows of a failed task, and logs its code in last_error', async () => {
    const batu = (await pemdaIds(t)).batu;
    const bpbj = await t.login('bpbj@batukota.go.id');
    const vendor = await vendorAccount(t, batu, bpbj);
    const id = await publishedProduct(t, vendor.token, bpbj, productInput(await categoryId(t, batu, 'pangan-beras'), { name: 'Beras Kotak Masuk' }));
    const engine = new MeilisearchEngine(stub.url, null, `outbox_${Date.now()}`);
    stub.indexes.add(engine.indexUid(batu));
    const now = new Date();
    // While the adapter waits for Meilisearch, another connection reads the claim: it was committed before the call.
    let claimedUntil: Date | null = null;
    stub.onDocuments = async () => {
      const [row] = await t.em().execute<{ next_attempt_at: Date }[]>(`select next_attempt_at from search_outbox where product_id = ?`, [id]);
      claimedUntil = new Date(row.next_attempt_at);
    };
    stub.taskOutcome = { status: 'failed', error: { code: 'invalid_document_fields', message: 'Bad field.' } };
    expect(await drainOutbox(t.em() as EntityManager, engine, 500, now)).toEqual({ synced: 0, failed: expect.any(Number) });
    expect(claimedUntil!.getTime()).toBeGreaterThan(now.getTime());
    const [row] = await t.em().execute<{ attempts: number; last_error: string }[]>(`select attempts, last_error from search_outbox where product_id = ?`, [id]);
    expect(row).toEqual({ attempts: 1, last_error: expect.stringContaining('invalid_document_fields') });

    stub.taskOutcome = { status: 'succeeded' };
    let synced = 0;
    for (let pass; (pass = await drainOutbox(t.em() as EntityManager, engine, 500, new Date(now.getTime() + 10_000))).synced > 0; ) synced += pass.synced;
    expect(synced).toBeGreaterThan(0);
    expect((await t.em().execute<{ n: number }[]>(`select count(*)::int as n from search_outbox`))[0].n).toBe(0);
  });

  it('a reindex loses no change made while it ran: those products are queued again after the swap', async () => {
    const engine = new MeilisearchEngine(stub.url, null, `reindex_${Date.now()}`);
    stub.taskOutcome = { status: 'succeeded' };
    const [{ id }] = await t.em().execute<{ id: string }[]>(`select id from product where name = 'Beras Kotak Masuk'`);
    let changed = false;
    stub.onDocuments = async () => {
      if (changed) return;
      changed = true;
      // Mid-rebuild, a vendor changes the price and the outbox drains it into the old index, which the swap retires.
      await t.em().execute(`update product set price = price + 1000, updated_at = now() where id = ?`, [id]);
      await t.em().execute(`delete from search_outbox where product_id = ?`, [id]);
    };
    await reindexMeilisearch(t.em() as EntityManager, engine, () => {});
    expect(changed).toBe(true);
    const queued = await t.em().execute<{ product_id: string }[]>(`select product_id from search_outbox`);
    expect(queued.map((r) => r.product_id)).toContain(id);
  });
});
