import { readFileSync } from 'node:fs';
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
  }, 240_000);
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

    const pp = await t.login('pp.dishub@batukota.go.id');
    const ppks = await t.exec(`{ ppks { email role } }`, {}, { token: pp });
    expect(ppks.data.ppks).toEqual([{ email: 'ppk.dishub@batukota.go.id', role: 'PPK' }]);
    const otherOpd = await t.exec(`query($o: ID!) { ppks(opdId: $o) { email } }`, { o: (await t.exec(`{ opds { id shortName } }`, {}, { token: pp })).data.opds.find((o: any) => o.shortName === 'Dinkes').id }, { token: pp });
    expect(otherOpd.errors![0].extensions!.code).toBe('FORBIDDEN');

    const vendor = await t.login('keripik.apel@umkm-batu.id');
    const incoming = await t.exec(`{ orders(first: 50, filter: { status: [SUBMITTED, APPROVED] }) { totalCount } me { vendor { scale isUmkk isLocal } } }`, {}, { token: vendor });
    expect(incoming.errors).toBeUndefined();
    expect(incoming.data.orders.totalCount).toBeGreaterThan(0);
    expect(incoming.data.me.vendor).toEqual({ scale: 'MIKRO', isUmkk: true, isLocal: true });
  });
});
