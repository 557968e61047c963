import { csvLines, pdfPages, sheetValues, xlsxBook } from '../support/files.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Opd } from '../../server/opd/opd.entity.js';
import { rebuildRollups } from '../../server/spend/rollup.js';
import { statusOf, SpendStatus } from '../../server/spend/recap.service.js';
import { percent } from '../../server/spend/period.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { CANCEL, checkout, purchasingWorld, receiveOrder, SUBMIT, type World } from '../support/purchasing.js';
import { categoryId, productInput, publishedProduct, vendorAccount } from '../support/catalogue.js';

const RECAP = `query($p: ID!, $period: PeriodInputType!, $opd: ID) { spendRecap(pemdaId: $p, period: $period, opdId: $opd) {
  period { from to label } targetPercent
  pemda { realisedTotal realisedUmkk umkkShareOfBudget status }
  opds { opd { shortName } rank budget realisedTotal catalogueTotal externalTotal realisedUmkk umkkShareOfBudget umkkShareOfRealised catalogueShare pdnShare localShare
         plannedUmkk allocatedUmkk plannedUmkkShare allocatedUmkkShare umkkYearToDate expectedUmkkByPeriodEnd shortfall status }
} }`;
const BUDGET = `mutation($input: OpdBudgetInput!) { setOpdBudget(input: $input) { fiscalYear goodsServicesBudget } }`;
const IMPORT = `mutation($input: ImportExternalSpendInput!) { importExternalSpend(input: $input) { applied dryRun created corrected unchanged failedCount errors { row field message } } }`;

const external = (ref: string, spentOn: string, amount: number, extra: Record<string, unknown> = {}) => ({
  externalRef: ref, spentOn, opdCode: '1.02.01', vendorName: 'CV Sinar Tender', amount, channel: 'TENDER', isUmkk: true, isPdn: true, isLocal: false, ...extra,
});

describe('local-spend monitoring against the 40% target', () => {
  let t: TestApp;
  let w: World;
  let dinkes: Opd;
  let disdik: Opd;
  let umkVendor: { id: string; token: string };

  const recap = async (period: Record<string, unknown>, token = w.bpbj, opd?: string) => {
    const result = await t.exec(RECAP, { p: w.ids.batu, period, opd }, { token });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data.spendRecap;
  };
  const row = (view: any, shortName: string) => view.opds.find((o: any) => o.opd.shortName === shortName);

  beforeAll(async () => {
    t = await createTestApp();
    w = await purchasingWorld(t);
    const em = t.em();
    dinkes = await em.findOneOrFail(Opd, { pemda: w.ids.batu, shortName: 'Dinkes' });
    disdik = await em.findOneOrFail(Opd, { pemda: w.ids.batu, shortName: 'Disdik' });
    umkVendor = w.vendorA; // registered as a local MIKRO vendor
    await t.exec(BUDGET, { input: { opdId: dinkes.id, fiscalYear: 2026, goodsServicesBudget: 1_000_000_000, plannedUmkk: 420_000_000, allocatedUmkk: 400_000_000 } }, { token: w.bpbj });
    await t.exec(BUDGET, { input: { opdId: disdik.id, fiscalYear: 2026, goodsServicesBudget: 2_000_000_000, plannedUmkk: 800_000_000, allocatedUmkk: 600_000_000 } }, { token: w.bpbj });

    // Rp300.000.000 to a UMK-K vendor through the catalogue, received in February: two orders of Rp150.000.000.
    const alkes = await w.product(umkVendor, { name: 'Paket Alat Kesehatan Posyandu', price: 1_500_000, stock: 1000 });
    for (let i = 0; i < 2; i++) {
      const [order] = await checkout(t, w, [[alkes, 100]]);
      await receiveOrder(t, { pp: w.pp, ppk: w.ppk, vendor: umkVendor.token }, order.id, '2026-02-20');
    }
    // Rp150.000.000 to UMK-K outside the catalogue (a tender), in March.
    const imported = await t.exec(IMPORT, { input: { pemdaId: w.ids.batu, rows: [external('SPSE-2026-0001', '2026-03-10', 150_000_000)], policy: 'REJECT_ALL' } }, { token: w.bpbj });
    expect(imported.data.importExternalSpend).toEqual(expect.objectContaining({ applied: true, created: 1 }));
  });
  afterAll(() => t.close());

  it('budget Rp1.000.000.000, Rp300.000.000 UMK-K through the catalogue and Rp150.000.000 imported: 45.00%', async () => {
    const q1 = await recap({ year: 2026, quarter: 1 });
    expect(q1.period).toEqual({ from: '2026-01', to: '2026-03', label: 'Triwulan 1 2026' });
    expect(row(q1, 'Dinkes')).toEqual(expect.objectContaining({
      budget: 1_000_000_000, plannedUmkk: 420_000_000, allocatedUmkk: 400_000_000,
      realisedTotal: 450_000_000, catalogueTotal: 300_000_000, externalTotal: 150_000_000, realisedUmkk: 450_000_000,
      umkkShareOfBudget: 45, umkkShareOfRealised: 100, catalogueShare: 66.67, pdnShare: 100, localShare: 66.67,
      plannedUmkkShare: 42, allocatedUmkkShare: 40, // Inpres 2/2022: planned, allocated and realised, each over the budget
    }));
  });

  it('the Pemda share counts the same OPDs above and below the line: those with a budget', async () => {
    // Q1: Dinkes Rp450 jt UMK-K of Rp1 M, Disdik nothing of Rp2 M: 450 / 3.000 = 15%.
    const q1 = await t.exec(`query($p: ID!) { spendRecap(pemdaId: $p, period: { year: 2026, quarter: 1 }) { pemda { budget realisedUmkk umkkShareOfBudget } } }`, { p: w.ids.batu }, { token: w.bpbj });
    expect(q1.data.spendRecap.pemda).toEqual({ budget: 3_000_000_000, realisedUmkk: 450_000_000, umkkShareOfBudget: 15 });
    // Q2: Dispora, which has no budget, spends Rp999 jt of UMK-K in May. It is shown apart; the Pemda's share stays
    // 0 / 3.000 = 0% instead of 999 / 3.000 = 33.3% from a numerator whose budget is not in the denominator.
    const imported = await t.exec(IMPORT, { input: { pemdaId: w.ids.batu, rows: [external('SPSE-2026-0999', '2026-05-12', 999_000_000, { opdCode: '2.19.01' })], policy: 'REJECT_ALL' } }, { token: w.bpbj });
    expect(imported.errors).toBeUndefined();
    const q2 = await t.exec(`query($p: ID!) { spendRecap(pemdaId: $p, period: { year: 2026, quarter: 2 }) { pemda { realisedUmkk umkkShareOfBudget } unbudgetedUmkk } }`, { p: w.ids.batu }, { token: w.bpbj });
    expect(q2.data.spendRecap).toEqual({ pemda: { realisedUmkk: 0, umkkShareOfBudget: 0 }, unbudgetedUmkk: 999_000_000 });
    const series = await t.exec(`query($p: ID!) { spendMonthlySeries(pemdaId: $p, year: 2026) { month plannedUmkkShare allocatedUmkkShare } }`, { p: w.ids.batu }, { token: w.bpbj });
    // Planned Rp420 jt + Rp800 jt of Rp3 M = 40.67%; allocated Rp400 jt + Rp600 jt = 33.33%.
    expect(series.data.spendMonthlySeries[0]).toEqual({ month: '2026-01', plannedUmkkShare: 40.67, allocatedUmkkShare: 33.33 });
  });

  it('the status follows the pro-rata path and says by how much an OPD is short', async () => {
    const q1 = await recap({ year: 2026, quarter: 1 });
    // Dinkes: path to Q1 end = 40% x 1.000.000.000 x 3/12 = 100.000.000; 450.000.000 realised: on track.
    expect(row(q1, 'Dinkes')).toEqual(expect.objectContaining({ expectedUmkkByPeriodEnd: 100_000_000, shortfall: 0, status: 'ON_TRACK', rank: 1 }));
    // Disdik: path = 40% x 2.000.000.000 x 3/12 = 200.000.000; nothing realised: below, short by all of it.
    expect(row(q1, 'Disdik')).toEqual(expect.objectContaining({ expectedUmkkByPeriodEnd: 200_000_000, shortfall: 200_000_000, status: 'BELOW', rank: 2 }));
    // An OPD without a budget is not assessable and not ranked.
    expect(row(q1, 'Dispora')).toEqual(expect.objectContaining({ status: 'NOT_ASSESSABLE', rank: null, umkkShareOfBudget: null }));
    expect(q1.opds.slice(0, 2).map((o: any) => o.opd.shortName)).toEqual(['Dinkes', 'Disdik']);
  });

  it('periods slice the monthly figures: February holds the catalogue orders, March the import', async () => {
    expect(row(await recap({ year: 2026, month: 2 }), 'Dinkes').realisedTotal).toBe(300_000_000);
    expect(row(await recap({ year: 2026, month: 3 }), 'Dinkes').realisedTotal).toBe(150_000_000);
    expect(row(await recap({ year: 2026, quarter: 2 }), 'Dinkes').realisedTotal).toBe(0);
    expect(row(await recap({ year: 2026, fromMonth: 2, toMonth: 3 }), 'Dinkes').realisedTotal).toBe(450_000_000);
    const series = await t.exec(`query($p: ID!, $o: ID) { spendMonthlySeries(pemdaId: $p, year: 2026, opdId: $o) { month realisedUmkk umkkYearToDate umkkShareOfBudgetYearToDate } }`, { p: w.ids.batu, o: dinkes.id }, { token: w.bpbj });
    expect(series.data.spendMonthlySeries.slice(0, 4)).toEqual([
      { month: '2026-01', realisedUmkk: 0, umkkYearToDate: 0, umkkShareOfBudgetYearToDate: 0 },
      { month: '2026-02', realisedUmkk: 300_000_000, umkkYearToDate: 300_000_000, umkkShareOfBudgetYearToDate: 30 },
      { month: '2026-03', realisedUmkk: 150_000_000, umkkYearToDate: 450_000_000, umkkShareOfBudgetYearToDate: 45 },
      { month: '2026-04', realisedUmkk: 0, umkkYearToDate: 450_000_000, umkkShareOfBudgetYearToDate: 45 },
    ]);
  });

  it('a cancelled order never counts', async () => {
    const before = row(await recap({ year: 2026, quarter: 1 }), 'Dinkes').realisedTotal;
    const product = await w.product(umkVendor, { name: 'Masker Medis Dibatalkan', price: 50_000, stock: 100 });
    const [order] = await checkout(t, w, [[product, 10]]);
    await t.exec(SUBMIT, { id: order.id }, { token: w.pp });
    await t.exec(CANCEL, { id: order.id, reason: 'Anggaran digeser' }, { token: w.pp });
    expect(row(await recap({ year: 2026, quarter: 1 }), 'Dinkes').realisedTotal).toBe(before);
  });

  it('a correction to an imported row restates the months it left and lands in', async () => {
    await t.exec(IMPORT, { input: { pemdaId: w.ids.batu, rows: [external('SPSE-2026-0099', '2026-01-15', 100_000_000, { isUmkk: false })], policy: 'REJECT_ALL' } }, { token: w.bpbj });
    expect(row(await recap({ year: 2026, month: 1 }), 'Dinkes').realisedTotal).toBe(100_000_000);
    const corrected = await t.exec(IMPORT, { input: { pemdaId: w.ids.batu, rows: [external('SPSE-2026-0099', '2026-04-02', 80_000_000, { isUmkk: false })], policy: 'REJECT_ALL' } }, { token: w.bpbj });
    expect(corrected.data.importExternalSpend).toEqual(expect.objectContaining({ applied: true, created: 0, corrected: 1 }));
    expect(row(await recap({ year: 2026, month: 1 }), 'Dinkes').realisedTotal).toBe(0);
    expect(row(await recap({ year: 2026, month: 4 }), 'Dinkes').realisedTotal).toBe(80_000_000);
    const again = await t.exec(IMPORT, { input: { pemdaId: w.ids.batu, rows: [external('SPSE-2026-0099', '2026-04-02', 80_000_000, { isUmkk: false })], policy: 'REJECT_ALL' } }, { token: w.bpbj });
    expect(again.data.importExternalSpend).toEqual(expect.objectContaining({ unchanged: 1, corrected: 0 }));
  });

  it('the import validates every row, has a dry run, and applies all or nothing', async () => {
    const rows = [external('SPSE-2026-0200', '2026-05-01', 10_000_000), external('SPSE-2026-0201', '2026-13-01', -5, { opdCode: '9.99.99', channel: 'CATALOGUE' })];
    const all = await t.exec(IMPORT, { input: { pemdaId: w.ids.batu, rows, policy: 'REJECT_ALL' } }, { token: w.bpbj });
    expect(all.data.importExternalSpend).toEqual(expect.objectContaining({ applied: false, created: 1, failedCount: 1 }));
    expect(all.data.importExternalSpend.errors.map((e: any) => e.field).sort()).toEqual(['amount', 'channel', 'date', 'opdCode']);
    expect(row(await recap({ year: 2026, month: 5 }), 'Dinkes').realisedTotal).toBe(0);
    const dry = await t.exec(IMPORT, { input: { pemdaId: w.ids.batu, rows, policy: 'REJECT_FAILED', dryRun: true } }, { token: w.bpbj });
    expect(dry.data.importExternalSpend).toEqual(expect.objectContaining({ applied: false, dryRun: true, created: 1 }));
    expect(row(await recap({ year: 2026, month: 5 }), 'Dinkes').realisedTotal).toBe(0);
    const partial = await t.exec(IMPORT, { input: { pemdaId: w.ids.batu, rows, policy: 'REJECT_FAILED' } }, { token: w.bpbj });
    expect(partial.data.importExternalSpend.applied).toBe(true);
    expect(row(await recap({ year: 2026, month: 5 }), 'Dinkes').realisedTotal).toBe(10_000_000);
  });

  it('imports read CSV exports with rupiah and ya/tidak flags', async () => {
    const csv = 'external_ref,date,opd_code,vendor_name,vendor_nib,amount,channel,umkk,pdn,local\nTOKO-7781,2026-06-03,1.01.01,Toko Daring Maju,,Rp2.500.000,ONLINE_SHOP,tidak,ya,tidak\n';
    const result = await t.exec(IMPORT, { input: { pemdaId: w.ids.batu, csv, policy: 'REJECT_ALL' } }, { token: w.bpbj });
    expect(result.data.importExternalSpend).toEqual(expect.objectContaining({ applied: true, created: 1 }));
    expect(row(await recap({ year: 2026, month: 6 }), 'Disdik')).toEqual(expect.objectContaining({ realisedTotal: 2_500_000, realisedUmkk: 0, pdnShare: 100, catalogueShare: 0 }));
  });

  it('the rollups always equal a recomputation from the raw rows', async () => {
    const snapshot = async () =>
      (await t.em().getConnection().execute(`select opd_id, month, catalogue, total, umkk, pdn, local, transactions from spend_rollup where total <> 0 or transactions <> 0 order by opd_id, month, catalogue`)).map((r: any) => ({ ...r, total: Number(r.total), umkk: Number(r.umkk), pdn: Number(r.pdn), local: Number(r.local) }));
    const kept = await snapshot();
    await t.em().transactional((em) => rebuildRollups(em as EntityManager, w.ids.batu));
    expect(await snapshot()).toEqual(kept);
  });

  it('a recap of every OPD, with each OPD\'s Pemda and vendor concentration, costs the same six statements however many OPDs', async () => {
    t.queries.length = 0;
    const result = await t.exec(`query($p: ID!) { spendRecap(pemdaId: $p, period: { year: 2026, quarter: 1 }) {
      opds { opd { code shortName pemda { name } } rank realisedUmkk vendorConcentration { vendors } } } }`, { p: w.ids.batu }, { token: w.bpbj });
    const opds = result.data.spendRecap.opds;
    expect(opds.length).toBeGreaterThan(3);
    expect(new Set(opds.map((o: any) => o.opd.pemda.name))).toEqual(new Set(['Pemerintah Kota Batu']));
    expect(row(result.data.spendRecap, 'Dinkes').vendorConcentration).toEqual({ vendors: 1 });
    // The caller's account, the Pemda, the rollups, the OPDs, the budgets in force, the concentration; the OPDs'
    // Pemda is the one read second.
    expect(t.queries).toHaveLength(6);
  });

  it('the public recap of a Pemda that does not exist is NOT_FOUND, in Indonesian', async () => {
    const result = await t.exec(`query($p: ID!) { publicSpendRecap(pemdaId: $p, period: { year: 2026 }) { targetPercent } }`, { p: '00000000-0000-4000-8000-000000000000' });
    expect(errorCode(result)).toBe('NOT_FOUND');
    expect(result.errors![0].message).toBe('Pemda tidak ditemukan.');
  });

  it('a PP sees its own OPD only; BPBJ of another Pemda nothing; the public the per-OPD aggregates', async () => {
    const own = await recap({ year: 2026 }, w.pp);
    expect(own.opds.map((o: any) => o.opd.shortName)).toEqual(['Dinkes']);
    expect(errorCode(await t.exec(RECAP, { p: w.ids.batu, period: { year: 2026 }, opd: disdik.id }, { token: w.pp }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(RECAP, { p: w.ids.batu, period: { year: 2026 } }, { token: w.bpbjBontang }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(RECAP, { p: w.ids.batu, period: { year: 2026 } }))).toBe('UNAUTHENTICATED');
    // Each refusal names its rule: another OPD, another Pemda, a vendor (who has no OPD).
    const message = async (token: string, opd?: string) => (await t.exec(RECAP, { p: w.ids.batu, period: { year: 2026 }, opd }, { token })).errors![0].message;
    expect(await message(w.pp, disdik.id)).toBe('Anda hanya dapat melihat rekap OPD Anda sendiri.');
    expect(await message(w.bpbjBontang)).toBe('Anda hanya dapat melihat rekap Pemda Anda sendiri; rekap publiknya terbuka untuk semua.');
    expect(await message(umkVendor.token)).toBe('Rekap belanja per OPD untuk BPBJ dan pejabat OPD; rekap publiknya terbuka untuk semua.');
    const pub = await t.exec(`query($p: ID!) { publicSpendRecap(pemdaId: $p, period: { year: 2026, quarter: 1 }) { opds { opd { shortName } umkkShareOfBudget status } } }`, { p: w.ids.batu });
    expect(pub.data.publicSpendRecap.opds[0]).toEqual({ opd: { shortName: 'Dinkes' }, umkkShareOfBudget: 45, status: 'ON_TRACK' });
    expect(errorCode(await t.exec(IMPORT, { input: { pemdaId: w.ids.batu, rows: [external('X-1', '2026-01-01', 1)], policy: 'REJECT_ALL' } }, { token: w.bpbjBontang }))).toBe('FORBIDDEN');
  });

  it('BPBJ exports the year for the regent: one row per OPD, the months across, totals, Indonesian labels, in XLSX, PDF and CSV', async () => {
    const EXPORT = `query($p: ID!, $f: ExportFormat!, $d: CsvDialect) { exportSpendRecap(pemdaId: $p, year: 2026, format: $f, dialect: $d) { filename contentType base64 } }`;
    const xlsx = (await t.exec(EXPORT, { p: w.ids.batu, f: 'XLSX' }, { token: w.bpbj })).data.exportSpendRecap;
    expect(xlsx.filename).toBe('rekap-belanja-umkk-2026.xlsx');
    const [summary, months] = (await xlsxBook(xlsx)).worksheets;
    const rows = sheetValues(summary);
    expect(rows[0][0]).toBe('Rekapitulasi Belanja Produk Usaha Mikro, Kecil dan Koperasi (UMK-K) per Perangkat Daerah');
    // Printed on 2 March, the running year is reported to date, as the dashboard shows it.
    expect(rows[2][0]).toBe('Periode: Tahun Anggaran 2026, Januari s.d. Maret 2026');
    expect(rows[5].slice(0, 4)).toEqual(['Peringkat', 'Kode OPD', 'Nama OPD', 'Pagu Belanja Barang/Jasa']);
    const dinkes = rows.find((r) => r[1] === '1.02.01')!;
    // Rp1 M budget, Rp420 jt planned (42%); UMK-K to March: Rp300 jt through the catalogue in February and Rp150 jt
    // imported for March: Rp450 jt, 45%, on the path (the earlier tests' April and May rows fall after it).
    expect(dinkes.slice(2, 6)).toEqual(['Dinas Kesehatan', 1_000_000_000, 420_000_000, 42]);
    expect(dinkes.slice(6, 10)).toEqual([450_000_000, 300_000_000, 450_000_000, 45]);
    expect(dinkes[12]).toBe('Sesuai target');
    expect(rows.flat()).not.toContain('ON_TRACK');
    const totals = rows.find((r) => r[2] === 'Jumlah (OPD yang memiliki pagu)')!;
    expect(totals[3]).toBe(3_000_000_000); // the three budgeted OPDs of the world
    expect(summary.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });

    const monthly = sheetValues(months);
    expect(monthly[5].slice(0, 4)).toEqual(['Kode OPD', 'Nama OPD', 'Januari 2026', 'Februari 2026']);
    expect(monthly[5][13]).toBe('Desember 2026');
    const dinkesMonths = monthly.find((r) => r[0] === '1.02.01')!;
    expect(dinkesMonths.slice(2, 8)).toEqual([0, 300_000_000, 150_000_000, 0, 10_000_000, 0]);
    expect(dinkesMonths[14]).toBe(460_000_000);
    expect(monthly.filter((r) => /^\d\.\d\d\.\d\d$/.test(String(r[0])))).toHaveLength(rows.filter((r) => /^\d\.\d\d\.\d\d$/.test(String(r[1]))).length);

    const pdf = (await pdfPages((await t.exec(EXPORT, { p: w.ids.batu, f: 'PDF' }, { token: w.bpbj })).data.exportSpendRecap)).join('\n');
    for (const text of ['Pemerintah Kota Batu', 'Tahun Anggaran 2026', 'Dinas Kesehatan', '1.000.000.000', 'Pagu Belanja\nBarang/Jasa (Rp)', '45%', 'Sesuai target', 'Jumlah (OPD yang memiliki pagu)', 'UMK-K per Bulan 2026', 'Januari', 'Desember']) expect(pdf).toContain(text);
    expect(pdf).not.toMatch(/ON_TRACK|BELOW|NOT_ASSESSABLE/);

    const excel = csvLines((await t.exec(EXPORT, { p: w.ids.batu, f: 'CSV', d: 'EXCEL_ID' }, { token: w.bpbj })).data.exportSpendRecap);
    expect(excel[0].startsWith('\uFEFFPeringkat;Kode OPD;Nama OPD;Pagu Belanja Barang/Jasa;Rencana UMK-K;% Rencana thd Pagu;')).toBe(true);
    expect(excel.find((l) => l.includes(';1.02.01;'))).toMatch(/;Dinas Kesehatan;1000000000;420000000;42;450000000;300000000;450000000;45;.*;Sesuai target;100;10000$/);
    expect(errorCode(await t.exec(EXPORT, { p: w.ids.batu, f: 'CSV' }, { token: w.pp }))).toBe('FORBIDDEN');
  });

  it('an OPD exports its own twelve months; not another OPD\'s', async () => {
    const SERIES = `query($p: ID!, $o: ID, $f: ExportFormat!) { exportSpendSeries(pemdaId: $p, year: 2026, opdId: $o, format: $f) { filename base64 } }`;
    const file = (await t.exec(SERIES, { p: w.ids.batu, o: dinkes.id, f: 'XLSX' }, { token: w.pp })).data.exportSpendSeries;
    const rows = sheetValues((await xlsxBook(file)).worksheets[0]);
    expect(rows[0][0]).toBe('Realisasi Belanja Bulanan Dinas Kesehatan');
    const march = rows.find((r) => r[0] === 'Maret 2026')!;
    expect(march).toEqual(['Maret 2026', 150_000_000, 0, 150_000_000, 450_000_000, 45]);
    expect(rows.find((r) => r[0] === 'Jumlah')).toEqual(['Jumlah', 540_000_000, 300_000_000, 460_000_000, 460_000_000, 46]);
    expect(errorCode(await t.exec(SERIES, { p: w.ids.batu, o: disdik.id, f: 'XLSX' }, { token: w.pp }))).toBe('FORBIDDEN');
  });
});

describe('a receipt late in the evening in Bontang (WITA) belongs to its local date', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('received 23:30 WITA on 31 March counts in Q1, not Q2; 1 April is still in the future there', async () => {
    t.clock.current = new Date('2026-03-31T15:30:00Z'); // 23:30 in Asia/Makassar (WITA)
    const bontang = (await t.em().findOneOrFail(Opd, { shortName: 'Dinkes', code: '1.02.01', name: 'Dinas Kesehatan', pemda: { kemendagriCode: '64.74' } })).pemda.id;
    const bpbj = await t.login('bpbj@bontangkota.go.id');
    const pp = await t.login('pp.dinkes@bontangkota.go.id');
    const ppk = await t.login('ppk.dinkes@bontangkota.go.id');
    const vendor = await vendorAccount(t, bontang, bpbj, { domicileRegionCode: '64.74', domicileRegionName: 'Kota Bontang', district: 'Bontang Utara' });
    const product = await publishedProduct(t, vendor.token, bpbj, productInput(await categoryId(t, bontang, 'pangan-beras'), { name: 'Beras Bontang', price: 100_000 }));
    await t.exec(`mutation($p: ID!) { setCartItem(productId: $p, quantity: 5) { quantity } }`, { p: product }, { token: pp });
    const ppkId = (await t.exec(`{ me { id } }`, {}, { token: ppk })).data.me.id;
    const created = await t.exec(`mutation($i: CreateOrderInput!) { createOrder(input: $i) { orders { id } } }`, { i: { deliveryAddress: 'Dinkes Kota Bontang', ppkId } }, { token: pp });
    const orderId = created.data.createOrder.orders[0].id;

    const submitted = await t.exec(`mutation($id: ID!) { submitOrder(id: $id) { status } }`, { id: orderId }, { token: pp });
    expect(submitted.data.submitOrder.status).toBe('SUBMITTED');
    await t.exec(`mutation($id: ID!) { acceptOrder(id: $id) { status } }`, { id: orderId }, { token: vendor.token });
    await t.exec(`mutation($id: ID!) { shipOrder(id: $id, deliveryReference: "SJ-BTG-1") { status } }`, { id: orderId }, { token: vendor.token });
    const future = await t.exec(`mutation($id: ID!) { receiveOrder(id: $id, input: { bastNumber: "BAST/BTG/1", bastDate: "2026-04-01" }) { status } }`, { id: orderId }, { token: pp });
    expect(errorCode(future)).toBe('BAD_USER_INPUT');
    const received = await t.exec(`mutation($id: ID!) { receiveOrder(id: $id, input: { bastNumber: "BAST/BTG/1", bastDate: "2026-03-31" }) { status receivedAmount } }`, { id: orderId }, { token: pp });
    expect(received.data.receiveOrder).toEqual({ status: 'RECEIVED', receivedAmount: 500_000 });

    const total = async (quarter: number) =>
      // The OPD has no budget here, so its spend is reported apart from the Pemda's share (unbudgetedTotal).
      (await t.exec(`query($p: ID!, $q: Int!) { spendRecap(pemdaId: $p, period: { year: 2026, quarter: $q }) { unbudgetedTotal } }`, { p: bontang, q: quarter }, { token: bpbj })).data.spendRecap.unbudgetedTotal;
    expect(await total(1)).toBe(500_000);
    expect(await total(2)).toBe(0);
  });
});

describe('exact shares and the status rule', () => {
  it.each([
    [450_000_000, 1_000_000_000, 45],
    [1, 3, 33.33],
    [2, 3, 66.67],
    [1, 20_000, 0.01], // 0.005% rounds half up
    [1, 20_001, 0],
    [105_000_000_000, 105_000_000_000, 100],
    [9_007_199_254_740_991, 9_007_199_254_740_991, 100],
  ])('%d / %d = %d%%', (n, d, expected) => expect(percent(n, d)).toBe(expected));

  it('no denominator, no share', () => expect(percent(5, 0)).toBeNull());

  it('pro-rata path: 40% of Rp1.200.000.000 by the end of March is Rp120.000.000; 75% of it is the AT_RISK line', () => {
    expect(statusOf(1_200_000_000, 4000, 3, 120_000_000)).toEqual({ expectedUmkkByPeriodEnd: 120_000_000, shortfall: 0, status: SpendStatus.ON_TRACK });
    expect(statusOf(1_200_000_000, 4000, 3, 90_000_000)).toEqual({ expectedUmkkByPeriodEnd: 120_000_000, shortfall: 30_000_000, status: SpendStatus.AT_RISK });
    expect(statusOf(1_200_000_000, 4000, 3, 89_999_999).status).toBe(SpendStatus.BELOW);
    expect(statusOf(0, 4000, 3, 1).status).toBe(SpendStatus.NOT_ASSESSABLE);
  });
});
