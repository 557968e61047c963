import type { EntityManager } from '@mikro-orm/postgresql';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { checkout, purchasingWorld, SUBMIT, type World } from '../support/purchasing.js';
import { expectNothingWritten } from '../support/snapshot.js';

const REQUEST = `mutation($p: ID!, $from: String!, $to: String!, $key: String) {
  requestOrdersExport(pemdaId: $p, from: $from, to: $to, format: CSV, idempotencyKey: $key) { id status file { filename } }
}`;
const JOB = `query($id: ID!) { exportJob(id: $id) { id kind status error finishedAt file { filename contentType base64 } } }`;
const DIRECT = `query($p: ID!) { exportOrders(pemdaId: $p, from: "2026-03-01", to: "2026-03-31", format: CSV) { filename contentType base64 } }`;

describe('long exports as background jobs (requestOrdersExport, exportJob)', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp({ env: { JWT_SECRET: 'one secret for both processes'.padEnd(40, '.') } });
    w = await purchasingWorld(t);
    for (const name of ['Beras Ekspor Satu', 'Beras Ekspor Dua']) {
      const [order] = await checkout(t, w, [[await w.product(w.vendorA, { name, price: 12_500 }), 4]]);
      await t.exec(SUBMIT, { id: order.id }, { token: w.pp });
    }
  });
  afterAll(() => t.close());

  const runNext = () => t.app.services.exportJobs.runNext(() => t.em() as EntityManager, (em) => ({ ...t.app.systemContext(), em }), t.clock.now());
  const request = async (token: string, variables: Record<string, unknown> = {}) =>
    t.exec(REQUEST, { p: w.ids.batu, from: '2026-03-01', to: '2026-03-31', ...variables }, { token });
  const jobRow = (id: string) =>
    t.em().getConnection().execute<{ status: string; attempts: number; error: string | null }[]>(`select status, attempts, error from export_job where id = ?`, [id]).then(([r]) => r);

  it('answers at once with a queued job; the job makes the very file exportOrders answers, for the officer who asked', async () => {
    const queued = await request(w.bpbj);
    expect(queued.errors).toBeUndefined();
    expect(queued.data.requestOrdersExport).toEqual({ id: expect.any(String), status: 'QUEUED', file: null });
    const id = queued.data.requestOrdersExport.id;

    expect(await runNext()).toBe('done');
    expect(await runNext()).toBeNull(); // nothing else queued
    const job = (await t.exec(JOB, { id }, { token: w.bpbj })).data.exportJob;
    expect(job).toMatchObject({ kind: 'ORDERS', status: 'DONE', error: null });
    const direct = (await t.exec(DIRECT, { p: w.ids.batu }, { token: w.bpbj })).data.exportOrders;
    expect(job.file).toEqual(direct);
    const csv = Buffer.from(job.file.base64, 'base64').toString('utf8');
    expect(csv).toContain('Beras Ekspor Satu');
    expect(csv).toContain('Beras Ekspor Dua');
  });

  it('a retry with the same key answers the first job, and queues nothing more', async () => {
    const first = await request(w.bpbj, { key: 'ekspor-maret-2026' });
    const again = await request(w.bpbj, { key: 'ekspor-maret-2026' });
    expect(again.data.requestOrdersExport.id).toBe(first.data.requestOrdersExport.id);
    const [{ n }] = await t.em().getConnection().execute(`select count(*)::int as n from export_job where id = ?`, [first.data.requestOrdersExport.id]);
    expect(n).toBe(1);
    expect(await runNext()).toBe('done');
  });

  it('refuses what the export itself would refuse, before queuing anything', async () => {
    expect(errorCode(await expectNothingWritten(t, () => request(w.pp)))).toBe('FORBIDDEN');
    expect(errorCode(await expectNothingWritten(t, () => request(w.bpbjBontang)))).toBe('FORBIDDEN');
    expect(errorCode(await expectNothingWritten(t, () => request(w.bpbj, { from: '2026-03-31', to: '2026-03-01' })))).toBe('BAD_USER_INPUT');
    expect(errorCode(await expectNothingWritten(t, () => request(w.bpbj, { from: '2026-02-30' })))).toBe('BAD_USER_INPUT');
  });

  it("the file is the asker's and their bureau's: another Pemda's BPBJ, a PP or a vendor is told it does not exist", async () => {
    const id = (await request(w.bpbj)).data.requestOrdersExport.id;
    await runNext();
    for (const token of [w.bpbjBontang, w.pp, w.vendorA.token]) {
      expect(errorCode(await t.exec(JOB, { id }, { token }))).toBe('NOT_FOUND');
    }
  });

  it("lists the Pemda's latest files to its bureau, newest first, with period and format, in one statement however many", async () => {
    const LIST = `query($p: ID!) { exportJobs(pemdaId: $p) { id status from to format dialect } }`;
    const listed = async () => {
      t.queries.length = 0;
      const jobs = (await t.exec(LIST, { p: w.ids.batu }, { token: w.bpbj })).data.exportJobs;
      return { jobs, statements: t.queries.filter((q) => /"?export_job"?/.test(q)).length };
    };
    const before = await listed();
    const asked = await t.exec(`mutation($p: ID!) { requestOrdersExport(pemdaId: $p, from: "2026-02-01", to: "2026-02-28", format: CSV, dialect: EXCEL_ID) { id } }`, { p: w.ids.batu }, { token: w.bpbj });
    const after = await listed();
    expect(after.jobs).toHaveLength(before.jobs.length + 1);
    expect(after.jobs[0]).toEqual({ id: asked.data.requestOrdersExport.id, status: 'QUEUED', from: '2026-02-01', to: '2026-02-28', format: 'CSV', dialect: 'EXCEL_ID' });
    expect(after.jobs.slice(1)).toEqual(before.jobs);
    expect([before.statements, after.statements]).toEqual([1, 1]);
    // Batu's files are Batu's bureau's: not another Pemda's BPBJ's, a PP's or a vendor's to list.
    for (const token of [w.bpbjBontang, w.pp, w.vendorA.token]) expect(errorCode(await t.exec(LIST, { p: w.ids.batu }, { token }))).toBe('FORBIDDEN');
    expect(await runNext()).toBe('done');
  });

  it('reading the files through the list is costed per file: 25 aliased lists of them are refused, one list is answered', async () => {
    const files = (n: number) => `query($p: ID!) { ${Array.from({ length: n }, (_, i) => `a${i}: exportJobs(pemdaId: $p) { id file { filename } }`).join(' ')} }`;
    const refused = await t.exec(files(25), { p: w.ids.batu }, { token: w.bpbj });
    expect(errorCode(refused)).toBe('QUERY_TOO_COMPLEX');
    // Leaves cost nothing; file = its weight 100 + 1; each list = 1 + 20 assumed jobs x 101 = 2,021; 25 lists = 50,525,
    // over BPBJ's 25,000 (without the weight: 25 x (1 + 20 x 1) = 525, and 500 stored files read in one request).
    expect(refused.errors?.[0].extensions).toMatchObject({ limit: 'cost', max: 25_000, found: 50_525 });
    expect((await t.exec(files(1), { p: w.ids.batu }, { token: w.bpbj })).errors).toBeUndefined();
  });

  it('two claims at once never take the same job (each with its own connection on the server database)', async () => {
    await request(w.bpbj);
    const outcomes = await Promise.all([runNext(), runNext()]);
    expect(outcomes.filter((o) => o === 'done')).toHaveLength(1);
    expect(outcomes.filter((o) => o === null)).toHaveLength(1);
  });

  it("a claim whose process died is taken again after its lease; a refusal is kept in Indonesian and ends the job after 3 tries", async () => {
    const id = (await request(w.bpbj)).data.requestOrdersExport.id;
    // Claimed by a process that died: still RUNNING, its lease over.
    await t.em().getConnection().execute(`update export_job set status = 'RUNNING', attempts = 1, lease_until = ? where id = ?`, [new Date(t.clock.now().getTime() - 1), id]);
    // Meanwhile the asker lost the right to the file (moved to another Pemda's bureau): the job's export refuses, as a request would.
    await t.em().getConnection().execute(`update app_user set pemda_id = ? where email = 'bpbj@batukota.go.id'`, [w.ids.bontang]);
    try {
      expect(await runNext()).toBe('failed');
      expect(await jobRow(id)).toEqual({ status: 'QUEUED', attempts: 2, error: 'Anda hanya dapat mengelola data Pemda Anda sendiri.' });
      expect(await runNext()).toBe('failed');
      expect(await jobRow(id)).toMatchObject({ status: 'FAILED', attempts: 3 });
      expect(await runNext()).toBeNull();
    } finally {
      await t.em().getConnection().execute(`update app_user set pemda_id = ? where email = 'bpbj@batukota.go.id'`, [w.ids.batu]);
    }
  });
});
