import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileBytes, pdfPages } from '../support/files.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_YEAR, seedDemoYears } from '../../seeds/year.js';
import { createTestApp, type TestApp } from '../support/harness.js';
import { pemdaIds } from '../support/catalogue.js';

/** The README's figures for a demo started on the day it names (a fenced block marked `demo-figures`). */
function readmeFigures(): string {
  const match = /```text demo-figures\n([\s\S]*?)```/.exec(readFileSync('README.md', 'utf8'));
  if (!match) throw new Error('README.md has no demo-figures block');
  return match[1];
}

const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;

describe('the demo year tells the story the README promises', () => {
  let t: TestApp;
  let batu: string;
  let bpbj: string;
  const today = new Date(`${/today: (\d{4}-\d{2}-\d{2})/.exec(readmeFigures())![1]}T05:00:00Z`);

  beforeAll(async () => {
    t = await createTestApp({ catalogue: true });
    t.clock.current = today;
    await seedDemoYears({ services: t.app.services, config: t.config, em: () => t.em() as EntityManager }, today, DEMO_YEAR);
    batu = (await pemdaIds(t)).batu;
    bpbj = await t.login('bpbj@batukota.go.id');
  }, 420_000); // a whole year through the services, ~540 PDFs among it: minutes on a busy 2-core machine
  afterAll(() => t.close());

  it('the recap ranks all 31 OPDs with real shares, the award is published, the queues wait: the figures the README gives', async () => {
    const result = await t.exec(
      `query($p: ID!) {
        spendRecap(pemdaId: $p, period: { year: ${today.getUTCFullYear()}, yearToDate: true }) {
          pemda { budget realisedUmkk umkkShareOfBudget status } catalogueSpendYearToDate catalogueSpendTarget opds { rank status }
        }
        catalogueProgress(pemdaId: $p) { publishedProducts }
        awardLeaderboard(pemdaId: $p) { rank opdName score tier }
        vendorCurationQueue(pemdaId: $p) { totalCount }
        productCurationQueue(pemdaId: $p) { totalCount }
        orderCounts { status count }
      }`,
      { p: batu },
      { token: bpbj },
    );
    expect(result.errors).toBeUndefined();
    const { spendRecap: recap, catalogueProgress, awardLeaderboard, vendorCurationQueue, productCurationQueue, orderCounts } = result.data;
    const byStatus = (status: string) => recap.opds.filter((o: any) => o.status === status).length;
    const orders = orderCounts.reduce((s: number, c: any) => s + c.count, 0);
    const figures = [
      `today: ${today.toISOString().slice(0, 10)}`,
      `OPDs ranked: ${recap.opds.filter((o: any) => o.rank).length} of ${recap.opds.length} (ON_TRACK ${byStatus('ON_TRACK')}, AT_RISK ${byStatus('AT_RISK')}, BELOW ${byStatus('BELOW')})`,
      `Pemda UMK-K share of budget, year to date: ${recap.pemda.umkkShareOfBudget}% of ${rupiah(recap.pemda.budget)} (${recap.pemda.status})`,
      `catalogue spend, year to date: ${rupiah(recap.catalogueSpendYearToDate)} of the ${rupiah(recap.catalogueSpendTarget)} target`,
      `published products: ${catalogueProgress.publishedProducts}`,
      `orders: ${orders} (${orderCounts.map((c: any) => `${c.status} ${c.count}`).join(', ')})`,
      `award leaderboard: ${awardLeaderboard.length} OPDs, first ${awardLeaderboard[0].opdName} ${awardLeaderboard[0].score} (${awardLeaderboard[0].tier})`,
      `curation queues: ${vendorCurationQueue.totalCount} vendors, ${productCurationQueue.totalCount} products`,
      '',
    ].join('\n');
    expect(figures).toBe(readmeFigures());

    // The story holds whatever the day: every status appears, and the queues are not empty.
    expect([byStatus('ON_TRACK'), byStatus('AT_RISK'), byStatus('BELOW')].every((n) => n > 0)).toBe(true);
    expect(vendorCurationQueue.totalCount).toBeGreaterThan(0);
    expect(productCurationQueue.totalCount).toBeGreaterThan(0);
  });

  it('the award has a punishment, the PP of every OPD finds its PPK, and each demo account has work waiting', async () => {
    const versions = await t.exec(`query($p: ID!) { awardVersions(pemdaId: $p, period: "2026-Q3") { status rows { opdName flags } } }`, { p: batu }, { token: bpbj });
    const published = versions.data.awardVersions.find((v: any) => v.status === 'PUBLISHED');
    expect(published.rows.some((r: any) => r.flags.length > 0)).toBe(true);

    // Vendors confirmed most payments, on the SP2D date or up to three working days after it (weekends and days off
    // not counted); the rest keep the officer's date.
    const [payments] = await t.em().getConnection().execute(
      `select count(*)::int as paid, count(vendor_received_on)::int as confirmed,
              count(*) filter (where vendor_received_on < paid_on or (
                select count(*) from generate_series((paid_on + 1)::timestamp, vendor_received_on::timestamp, interval '1 day') as d(day)
                 where extract(isodow from d.day) < 6
                   and not exists (select 1 from holiday h where h.date = d.day::date and (h.pemda_id is null or h.pemda_id = payment.pemda_id))) > 3)::int as outside,
              count(*) filter (where counted_on <> coalesce(vendor_received_on, paid_on))::int as miscounted
         from payment where pemda_id = ?`, [batu]);
    expect(payments.confirmed / payments.paid).toBeGreaterThan(0.5);
    expect(payments.confirmed).toBeLessThan(payments.paid);
    expect(payments.outside).toBe(0);
    expect(payments.miscounted).toBe(0);

    const pp = await t.login('pp.dishub@batukota.go.id');
    const ppks = await t.exec(`{ ppks { email role } }`, {}, { token: pp });
    expect(ppks.data.ppks).toEqual([{ email: 'ppk.dishub@batukota.go.id', role: 'PPK' }]);
    const otherOpd = await t.exec(`query($o: ID!) { ppks(opdId: $o) { email } }`, { o: (await t.exec(`{ opds { id shortName } }`, {}, { token: pp })).data.opds.find((o: any) => o.shortName === 'Dinkes').id }, { token: pp });
    expect(otherOpd.errors![0].extensions!.code).toBe('FORBIDDEN');

    // Every step of every order happened in office hours (08.00-16.00 WIB, Monday to Friday): the year's orders used to
    // be placed and paid on Sundays, and this week's orders with Bu Sri through the night before the demo was made.
    const steps = await t.em().getConnection().execute<{ number: string; at: string }[]>(
      `select o.number, to_char(s.at at time zone 'Asia/Jakarta', 'Dy HH24:MI') as at
         from purchase_order o
         cross join lateral unnest(array[o.created_at, o.submitted_at, o.approved_at, o.accepted_at, o.shipped_at, o.received_at, o.paid_at, o.completed_at, o.payment_confirmed_at]) as s(at)
        where o.pemda_id = ? and s.at is not null`,
      [batu]);
    expect(steps.length).toBeGreaterThan(1000);
    expect(steps.filter((s) => !/^(Mon|Tue|Wed|Thu|Fri) ((0[89]|1[0-5]):|16:00)/.test(s.at))).toEqual([]);
    // Nor on a day off: the year's orders used to be received on Idul Fitri and paid on the cuti bersama.
    const onDaysOff = await t.em().getConnection().execute<{ number: string; day: string }[]>(
      `select o.number, h.date::text as day from purchase_order o
         cross join lateral unnest(array[o.created_at, o.submitted_at, o.approved_at, o.accepted_at, o.shipped_at, o.received_at, o.paid_at, o.completed_at, o.payment_confirmed_at]) as s(at)
         join holiday h on h.date = (s.at at time zone 'Asia/Jakarta')::date and (h.pemda_id is null or h.pemda_id = o.pemda_id)
        where o.pemda_id = ?`,
      [batu]);
    expect(onDaysOff).toEqual([]);
    // Goods are shipped after the order is accepted and paid for after they are received: a recent order's steps
    // used to fall together on the last office hour (Bu Sri's paid order accepted, shipped, received and paid at 15.00).
    const [together] = await t.em().getConnection().execute<{ count: number }[]>(
      `select count(*)::int as count from purchase_order where pemda_id = ? and (shipped_at <= accepted_at or paid_at <= received_at)`, [batu]);
    expect(together.count).toBe(0);
    // Bu Sri's orders of the last working day, one in each open state, are the PP's latest.
    const showcase = await t.em().getConnection().execute<{ status: string; at: string }[]>(
      `select o.status, to_char(o.created_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD') as at from purchase_order o join vendor v on v.id = o.vendor_id
        where v.business_name = 'UD Keripik Apel Bu Sri' and o.pemda_id = ? order by o.number desc limit 8`, [batu]);
    expect(new Set(showcase.map((o) => o.status))).toEqual(new Set(['DRAFT', 'SUBMITTED', 'APPROVED', 'ACCEPTED', 'SHIPPED', 'RECEIVED', 'PAID']));
    expect(new Set(showcase.map((o) => o.at))).toEqual(new Set(['2026-12-02'])); // the Wednesday before the README's Thursday
    // The staff signed in that Wednesday morning, each at a minute of its own (BPBJ's accounts page used to say
    // "belum pernah" of every demo account); those this test signed in since show today.
    const signIns = await t.em().getConnection().execute<{ email: string; at: string | null }[]>(
      `select email, to_char(last_login_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD HH24:MI') as at from app_user
        where pemda_id = ? and role in ('BPBJ', 'PP', 'PPK', 'KEPALA_OPD', 'ASN')`, [batu]);
    expect(signIns.filter((s) => s.at === null)).toEqual([]);
    const wednesday = signIns.filter((s) => s.at!.startsWith('2026-12-02 '));
    expect(wednesday.length).toBeGreaterThan(signIns.length - 10);
    expect(wednesday.filter((s) => s.at!.slice(11) < '07:30' || s.at!.slice(11) >= '09:00')).toEqual([]);
    expect(new Set(wednesday.map((s) => s.at)).size).toBeGreaterThan(wednesday.length / 3);

    const vendor = await t.login('keripik.apel@umkm-batu.id');
    const incoming = await t.exec(`{ orders(first: 50, filter: { status: [SUBMITTED, APPROVED] }) { totalCount } me { vendor { scale isUmkk isLocal } } }`, {}, { token: vendor });
    expect(incoming.errors).toBeUndefined();
    expect(incoming.data.orders.totalCount).toBeGreaterThan(0);
    expect(incoming.data.me.vendor).toEqual({ scale: 'MIKRO', isUmkk: true, isLocal: true });
  });

  it('the demo year prints: the recap for the regent and the documents of a delivered order', async () => {
    const recap = await t.exec(`query($p: ID!) { exportSpendRecap(pemdaId: $p, year: 2026, format: PDF) { base64 } }`, { p: batu }, { token: bpbj });
    const recapPdf = fileBytes(recap.data.exportSpendRecap);
    const recapText = (await pdfPages(recapPdf)).join('\n');
    // The Pemda's share on the totals row is the README's figure (nothing is dated after today in the demo).
    const share = /UMK-K share of budget, year to date: ([\d.]+)%/.exec(readmeFigures())![1].replace('.', ',');
    expect(recapText).toMatch(new RegExp(`Jumlah \\(OPD yang memiliki\\s+pagu\\) [^\\n]* ${share}%`));
    const pp = await t.login('pp.dinkes@batukota.go.id');
    const paid = await t.exec(`{ orders(first: 1, filter: { status: [COMPLETED] }) { edges { node { id code } } } }`, {}, { token: pp });
    const order = paid.data.orders.edges[0].node;
    const documents = (await t.exec(`query($o: ID!) { orderDocuments(orderId: $o) { id kind number } }`, { o: order.id }, { token: pp })).data.orderDocuments;
    expect(documents.map((d: any) => d.kind)).toEqual(['SURAT_PESANAN', 'BAST']);
    const letter = (await t.exec(`query($id: ID!) { orderDocumentFile(id: $id) { base64 } }`, { id: documents[0].id }, { token: pp })).data.orderDocumentFile;
    const letterText = (await pdfPages(letter)).join('\n');
    expect(letterText).toContain(`Nomor: ${documents[0].number}`);
    expect(letterText).toContain(order.code);
    if (process.env.UPDATE_DOCS_SCREENSHOTS) {
      // The README's pictures of one page each, rendered by poppler's pdftoppm (apt-get install -y poppler-utils).
      for (const [name, bytes] of [['surat-pesanan', fileBytes(letter)], ['rekap-belanja', recapPdf]] as const) {
        const pdf = join(tmpdir(), `${name}.pdf`);
        writeFileSync(pdf, bytes);
        execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join('docs', 'screenshots', name)]);
      }
    }
  });
});
