import { asReport } from '../database/statement-timeout.js';
import { managesPemda, requireActor } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
import { forbidden } from '../errors.js';
import { label, monthName, percent as percentText, rupiah, STATUS_LABEL } from '../reports/indonesian.js';
import { renderReport } from '../reports/render.js';
import { printedFor, type Cell, type CsvDialect, type ExportFile, type ExportFormat, type Report } from '../reports/report.js';
import { Opd } from '../opd/opd.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { compare, ratio } from '../exact.js';
import { localDate } from '../calendar/time-zone.js';
import { firstDayAfter, monthsOf, percent, resolvePeriod, type Period, type PeriodInput } from './period.js';
import { budgetsInForce, type BudgetInForce } from './budget.service.js';
import { findInScope } from '../database/find.js';
import { rowsOf, type Row } from '../database/rows.js';
import { concentrationBetween } from '../insight/concentration.js';

export enum SpendStatus {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  BELOW = 'BELOW',
  NOT_ASSESSABLE = 'NOT_ASSESSABLE',
}

export interface SpendFigures {
  budget: number;
  plannedUmkk: number;
  allocatedUmkk: number;
  realisedTotal: number;
  catalogueTotal: number;
  externalTotal: number;
  realisedUmkk: number;
  realisedPdn: number;
  realisedLocal: number;
  transactions: number;
  /** Of which orders through the catalogue. */
  catalogueTransactions: number;
  /** Inpres 2/2022's three figures as shares of the budget: planned (RUP), allocated, realised. */
  plannedUmkkShare: number | null;
  allocatedUmkkShare: number | null;
  /** The legal measure: UMK-K realised in the period over the year's goods/services budget. */
  umkkShareOfBudget: number | null;
  umkkShareOfRealised: number | null;
  pdnShare: number | null;
  localShare: number | null;
  catalogueShare: number | null;
  /** UMK-K realised from January through the end of the period. */
  umkkYearToDate: number;
  /** Where the pro-rata path to the year's target stands at the end of the period. */
  expectedUmkkByPeriodEnd: number;
  shortfall: number;
  status: SpendStatus;
}

export interface OpdRecap extends SpendFigures {
  opd: Row<Opd>;
  rank: number | null;
  /** The Pemda and the months of the period: what the vendor-concentration column reads. */
  span: { pemdaId: string; from: string; to: string };
}

export interface SpendRecap {
  period: Period;
  targetPercent: number;
  /** Over the OPDs with a budget for the year. */
  pemda: SpendFigures;
  /** Realised by OPDs without a budget: shown, but outside the Pemda's share. */
  unbudgetedTotal: number;
  unbudgetedUmkk: number;
  opds: OpdRecap[];
  catalogueSpendYearToDate: number;
  catalogueSpendTarget: number;
  catalogueTargetAchieved: number | null;
}

export interface MonthPoint {
  month: string;
  realisedTotal: number;
  catalogueTotal: number;
  realisedUmkk: number;
  umkkYearToDate: number;
  umkkShareOfBudgetYearToDate: number | null;
  plannedUmkkShare: number | null;
  allocatedUmkkShare: number | null;
}

interface Sums {
  total: number;
  catalogue: number;
  umkk: number;
  pdn: number;
  local: number;
  transactions: number;
  catalogueTransactions: number;
  umkkYtd: number;
}

const ZERO: Sums = { total: 0, catalogue: 0, umkk: 0, pdn: 0, local: 0, transactions: 0, catalogueTransactions: 0, umkkYtd: 0 };

/**
 * The status rule. The year's target is `target% x budget`; by the end of month m the pro-rata path expects
 * m/12 of it. UMK-K realised January..m at or above the path: ON_TRACK; at or above 75% of it: AT_RISK; below:
 * BELOW. Without a budget the 40% rule cannot be measured: NOT_ASSESSABLE.
 */
export function statusOf(budget: number, targetBasisPoints: number, throughMonth: number, umkkYtd: number): Pick<SpendFigures, 'expectedUmkkByPeriodEnd' | 'shortfall' | 'status'> {
  if (budget <= 0) return { expectedUmkkByPeriodEnd: 0, shortfall: 0, status: SpendStatus.NOT_ASSESSABLE };
  const denominator = 10_000n * 12n;
  const expected = Number((BigInt(budget) * BigInt(targetBasisPoints) * BigInt(throughMonth) + denominator - 1n) / denominator);
  const status = umkkYtd >= expected ? SpendStatus.ON_TRACK : umkkYtd * 4 >= expected * 3 ? SpendStatus.AT_RISK : SpendStatus.BELOW;
  return { expectedUmkkByPeriodEnd: expected, shortfall: Math.max(0, expected - umkkYtd), status };
}

function figures(s: Sums, budget: Omit<BudgetInForce, 'opdId'> | undefined, targetBp: number, period: Period): SpendFigures {
  const b = budget?.goodsServicesBudget ?? 0;
  return {
    budget: b,
    plannedUmkk: budget?.plannedUmkk ?? 0,
    allocatedUmkk: budget?.allocatedUmkk ?? 0,
    realisedTotal: s.total,
    catalogueTotal: s.catalogue,
    externalTotal: s.total - s.catalogue,
    realisedUmkk: s.umkk,
    realisedPdn: s.pdn,
    realisedLocal: s.local,
    transactions: s.transactions,
    catalogueTransactions: s.catalogueTransactions,
    plannedUmkkShare: percent(budget?.plannedUmkk ?? 0, b),
    allocatedUmkkShare: percent(budget?.allocatedUmkk ?? 0, b),
    umkkShareOfBudget: percent(s.umkk, b),
    umkkShareOfRealised: percent(s.umkk, s.total),
    pdnShare: percent(s.pdn, s.total),
    localShare: percent(s.local, s.total),
    catalogueShare: percent(s.catalogue, s.total),
    umkkYearToDate: s.umkkYtd,
    ...statusOf(b, targetBp, period.toMonth, s.umkkYtd),
  };
}

const add = (a: Sums, b: Sums): Sums => ({
  total: a.total + b.total,
  catalogue: a.catalogue + b.catalogue,
  umkk: a.umkk + b.umkk,
  pdn: a.pdn + b.pdn,
  local: a.local + b.local,
  transactions: a.transactions + b.transactions,
  catalogueTransactions: a.catalogueTransactions + b.catalogueTransactions,
  umkkYtd: a.umkkYtd + b.umkkYtd,
});

/** Reads the monthly rollups (never the raw orders): a recap costs a handful of small queries, whatever the volume. */
export class RecapService {
  /** Which OPD the caller is limited to, if any: officers and ASN see their own OPD; BPBJ and the public the Pemda. */
  private scope(ctx: RequestContext, pemdaId: string, opdId: string | null | undefined, publicView: boolean): string | null {
    if (publicView) return opdId ?? null;
    const actor = requireActor(ctx);
    if (managesPemda(actor, pemdaId)) return opdId ?? null;
    // The refusal says which rule was met: another Pemda's recap, a caller without an OPD (a vendor), another OPD.
    if (actor.pemdaId !== pemdaId) throw forbidden('Anda hanya dapat melihat rekap Pemda Anda sendiri; rekap publiknya terbuka untuk semua.');
    if (!actor.opdId) throw forbidden('Rekap belanja per OPD untuk BPBJ dan pejabat OPD; rekap publiknya terbuka untuk semua.');
    if (opdId && opdId !== actor.opdId) throw forbidden('Anda hanya dapat melihat rekap OPD Anda sendiri.');
    return actor.opdId;
  }

  async recap(ctx: RequestContext, pemdaId: string, periodInput: PeriodInput, opdId?: string | null, publicView = false): Promise<SpendRecap> {
    const onlyOpd = this.scope(ctx, pemdaId, opdId, publicView);
    // Through the request's loader: the OPDs' `pemda` field then answers from it.
    const pemda = await ctx.loaders.pemda.load(pemdaId);
    const period = resolvePeriod(periodInput, pemda.timeZone, ctx.now());
    const targetBp = Math.round(pemda.localSpendTargetPercent * 100);
    const yearStart = `${period.year}-01`;
    const rows = await ctx.em.execute<Record<string, string>[]>(
      `select opd_id,
          coalesce(sum(total) filter (where month >= ?), 0) as total,
          coalesce(sum(total) filter (where month >= ? and catalogue), 0) as catalogue,
          coalesce(sum(umkk) filter (where month >= ?), 0) as umkk,
          coalesce(sum(pdn) filter (where month >= ?), 0) as pdn,
          coalesce(sum(local) filter (where month >= ?), 0) as local,
          coalesce(sum(transactions) filter (where month >= ?), 0) as transactions,
          coalesce(sum(transactions) filter (where month >= ? and catalogue), 0) as catalogue_transactions,
          coalesce(sum(umkk), 0) as umkk_ytd,
          coalesce(sum(total) filter (where catalogue), 0) as catalogue_ytd
        from spend_rollup where pemda_id = ? and month >= ? and month <= ? ${onlyOpd ? 'and opd_id = ?' : ''}
        group by opd_id`,
      [period.from, period.from, period.from, period.from, period.from, period.from, period.from, pemdaId, yearStart, period.to, ...(onlyOpd ? [onlyOpd] : [])],
    );
    const sums = new Map<string, Sums & { catalogueYtd: number }>(
      rows.map((r) => [
        r.opd_id,
        { total: +r.total, catalogue: +r.catalogue, umkk: +r.umkk, pdn: +r.pdn, local: +r.local, transactions: +r.transactions, catalogueTransactions: +r.catalogue_transactions, umkkYtd: +r.umkk_ytd, catalogueYtd: +r.catalogue_ytd },
      ]),
    );
    // Rows, not entities: a recap shows forty OPDs and changes none (server/database/rows.ts).
    const opds = await rowsOf(ctx.em, Opd, `select * from opd where pemda_id = ? ${onlyOpd ? 'and id = ?' : ''} order by code`, [pemdaId, ...(onlyOpd ? [onlyOpd] : [])]);
    const budgets = await budgetsInForce(ctx.em, pemdaId, period.year, firstDayAfter(period.to));

    // The Pemda's share keeps numerator and denominator over the same OPDs: those with a budget. The spend of OPDs
    // without one is reported apart (unbudgetedTotal), never added to a numerator whose budget is missing.
    const span = { pemdaId, from: period.from, to: period.to };
    let pemdaSums = ZERO;
    let unbudgeted = ZERO;
    const recaps: OpdRecap[] = opds.map((opd) => {
      const s = sums.get(opd.id) ?? ZERO;
      const budget = budgets.get(opd.id);
      if (budget && budget.goodsServicesBudget > 0) pemdaSums = add(pemdaSums, s);
      else unbudgeted = add(unbudgeted, s);
      return { opd, rank: null, span, ...figures(s, budget, targetBp, period) };
    });
    // Ranking by the legal measure compared exactly (UMK-K x the other's budget, in integers), never by the rounded
    // percent shown; ties broken by UMK-K rupiah, then OPD code, so the order never wobbles.
    const ranked = recaps
      .filter((r) => r.status !== SpendStatus.NOT_ASSESSABLE)
      .sort((a, b) => compare(ratio(b.realisedUmkk, b.budget), ratio(a.realisedUmkk, a.budget)) || b.realisedUmkk - a.realisedUmkk || a.opd.code.localeCompare(b.opd.code));
    ranked.forEach((r, i) => (r.rank = i + 1));
    const pemdaBudget = [...budgets.values()].filter((b) => !onlyOpd || b.opdId === onlyOpd);
    const totalBudget = {
      goodsServicesBudget: pemdaBudget.reduce((s, b) => s + b.goodsServicesBudget, 0),
      plannedUmkk: pemdaBudget.reduce((s, b) => s + b.plannedUmkk, 0),
      allocatedUmkk: pemdaBudget.reduce((s, b) => s + b.allocatedUmkk, 0),
    };
    const catalogueYtd = [...sums.values()].reduce((s, x) => s + x.catalogueYtd, 0);
    return {
      period,
      targetPercent: pemda.localSpendTargetPercent,
      pemda: figures(pemdaSums, totalBudget, targetBp, period),
      unbudgetedTotal: unbudgeted.total,
      unbudgetedUmkk: unbudgeted.umkk,
      opds: [...ranked, ...recaps.filter((r) => r.rank === null)],
      catalogueSpendYearToDate: catalogueYtd,
      catalogueSpendTarget: pemda.catalogueSpendTarget,
      catalogueTargetAchieved: percent(catalogueYtd, pemda.catalogueSpendTarget),
    };
  }

  /** Twelve months of a year for the Pemda or one OPD, with the cumulative UMK-K share of budget. */
  async monthlySeries(ctx: RequestContext, pemdaId: string, year: number, opdId?: string | null, publicView = false): Promise<MonthPoint[]> {
    const onlyOpd = this.scope(ctx, pemdaId, opdId, publicView);
    const rows = await ctx.em.execute<{ month: string; total: string; catalogue: string; umkk: string }[]>(
      `select month, sum(total) as total, coalesce(sum(total) filter (where catalogue), 0) as catalogue, sum(umkk) as umkk
         from spend_rollup where pemda_id = ? and month like ? ${onlyOpd ? 'and opd_id = ?' : ''} group by month`,
      [pemdaId, `${year}-%`, ...(onlyOpd ? [onlyOpd] : [])],
    );
    const budgets = [...(await budgetsInForce(ctx.em, pemdaId, year, `${year + 1}-01-01`, onlyOpd)).values()];
    const budget = budgets.reduce((s, b) => s + b.goodsServicesBudget, 0);
    const plannedUmkkShare = percent(budgets.reduce((s, b) => s + b.plannedUmkk, 0), budget);
    const allocatedUmkkShare = percent(budgets.reduce((s, b) => s + b.allocatedUmkk, 0), budget);
    const byMonth = new Map(rows.map((r) => [r.month, r]));
    let cumulative = 0;
    return monthsOf(year).map((month) => {
      const r = byMonth.get(month);
      cumulative += Number(r?.umkk ?? 0);
      return {
        month,
        realisedTotal: Number(r?.total ?? 0),
        catalogueTotal: Number(r?.catalogue ?? 0),
        realisedUmkk: Number(r?.umkk ?? 0),
        umkkYearToDate: cumulative,
        umkkShareOfBudgetYearToDate: percent(cumulative, budget),
        plannedUmkkShare,
        allocatedUmkkShare,
      };
    });
  }

  /**
   * The year's recap for the regent: one row per OPD with the year's figures and status (the recap itself, so the
   * file and the dashboard agree to the rupiah), then UMK-K realised per OPD with the months across. Under the report
   * statement timeout.
   */
  export(ctx: RequestContext, pemdaId: string, year: number, format: ExportFormat, dialect?: CsvDialect): Promise<ExportFile> {
    return asReport(ctx, async (ctx) => {
      this.scope(ctx, pemdaId, null, false);
      const pemda = await findInScope(ctx.em, Pemda, pemdaId, 'Pemda');
      // The running year is reported to date, as the dashboard shows it: its status measures the path so far, not the
      // whole year's target.
      const running = localDate(ctx.now(), pemda.timeZone).startsWith(`${year}-`);
      const recap = await this.recap(ctx, pemdaId, running ? { year, yearToDate: true } : { year });
      const months = monthsOf(year);
      const sums = await ctx.em.execute<{ opd_id: string; month: string; umkk: string }[]>(
        `select opd_id, month, sum(umkk) as umkk from spend_rollup where pemda_id = ? and month like ? group by opd_id, month`,
        [pemdaId, `${year}-%`],
      );
      const umkk = new Map(sums.map((r) => [`${r.opd_id}|${r.month}`, Number(r.umkk)]));
      const concentration = new Map((await concentrationBetween(ctx.em, pemdaId, `${year}-01`, recap.period.to)).map((c) => [c.opdId, c]));
      const opds = [...recap.opds].sort((a, b) => a.opd.code.localeCompare(b.opd.code));
      const figures = (f: SpendFigures): Cell[] => [
        f.budget, f.plannedUmkk, f.plannedUmkkShare, f.realisedTotal, f.catalogueTotal, f.realisedUmkk, f.umkkShareOfBudget, f.pdnShare, f.localShare, label(STATUS_LABEL, f.status),
      ];
      const monthly = opds.map((o) => months.map((m) => umkk.get(`${o.opd.id}|${m}`) ?? 0));
      const report: Report = {
        filename: `rekap-belanja-umkk-${year}`,
        title: 'Rekapitulasi Belanja Produk Usaha Mikro, Kecil dan Koperasi (UMK-K) per Perangkat Daerah',
        ...(await printedFor(ctx, pemda)),
        period: running ? `Tahun Anggaran ${year}, ${recap.period.label}` : `Tahun Anggaran ${year}`,
        tables: [
          {
            name: `Ringkasan ${year}`,
            columns: [
              { header: 'Peringkat', kind: 'count', width: 10 }, { header: 'Kode OPD', width: 10 }, { header: 'Nama OPD' },
              { header: 'Pagu Belanja Barang/Jasa', kind: 'rupiah' }, { header: 'Rencana UMK-K', kind: 'rupiah' }, { header: '% Rencana thd Pagu', kind: 'percent' },
              { header: 'Realisasi Total', kind: 'rupiah' }, { header: 'Realisasi Katalog Lokal', kind: 'rupiah' }, { header: 'Realisasi UMK-K', kind: 'rupiah' },
              { header: '% UMK-K thd Pagu', kind: 'percent' }, { header: '% PDN', kind: 'percent' }, { header: '% Lokal', kind: 'percent' }, { header: 'Status' },
              { header: '% Penyedia Terbesar (Katalog)', kind: 'percent' }, { header: 'HHI Penyedia', kind: 'count' },
            ],
            rows: opds.map((o) => [o.rank, o.opd.code, o.opd.name, ...figures(o), concentration.get(o.opd.id)?.topVendorShare ?? null, concentration.get(o.opd.id)?.hhi ?? null]),
            totals: [null, null, 'Jumlah (OPD yang memiliki pagu)', ...figures(recap.pemda), null, null],
          },
          {
            name: `UMK-K per Bulan ${year}`,
            columns: [{ header: 'Kode OPD', width: 10 }, { header: 'Nama OPD' }, ...months.map((m) => ({ header: monthName(m), kind: 'rupiah' as const })), { header: 'Jumlah', kind: 'rupiah' }],
            rows: opds.map((o, i) => [o.opd.code, o.opd.name, ...monthly[i], monthly[i].reduce((a, b) => a + b, 0)]),
            totals: [null, 'Jumlah', ...months.map((_, m) => monthly.reduce((a, row) => a + row[m], 0)), monthly.flat().reduce((a, b) => a + b, 0)],
          },
        ],
        notes: [
          `Target belanja produk UMK-K: ${String(recap.targetPercent).replace('.', ',')}% dari pagu belanja barang/jasa. Persentase dihitung dari rupiah utuh dan dibulatkan sekali ke dua desimal (setengah ke atas).`,
          `Status: realisasi UMK-K s.d. akhir periode dibandingkan dengan jalur pro-rata target (bulan/12); "Berisiko" bila mencapai 75% jalur tersebut.`,
          'Konsentrasi penyedia: porsi belanja katalog OPD yang diterima penyedia terbesar, dan HHI (jumlah kuadrat persentase porsi tiap penyedia, 0-10.000; di atas 2.500 terkonsentrasi).',
          ...(recap.unbudgetedTotal ? [`Belanja OPD tanpa pagu tercatat (di luar persentase Pemda): ${rupiah(recap.unbudgetedTotal)}, di antaranya UMK-K ${rupiah(recap.unbudgetedUmkk)}.`] : []),
        ],
      };
      return renderReport(report, format, dialect);
    }, 'reads only');
  }

  /** One OPD's (or the Pemda's) twelve months as a report: the series the OPD page draws, with a totals row. */
  exportSeries(ctx: RequestContext, pemdaId: string, year: number, opdId: string | null | undefined, format: ExportFormat, dialect?: CsvDialect): Promise<ExportFile> {
    return asReport(ctx, async (ctx) => {
      const onlyOpd = this.scope(ctx, pemdaId, opdId, false);
      const pemda = await findInScope(ctx.em, Pemda, pemdaId, 'Pemda');
      const opd = onlyOpd ? await findInScope(ctx.em, Opd, onlyOpd, 'OPD') : null;
      if (opd && opd.pemda.id !== pemdaId) throw forbidden('OPD ini bukan milik Pemda tersebut.');
      const series = await this.monthlySeries(ctx, pemdaId, year, onlyOpd);
      const sum = (pick: (p: MonthPoint) => number) => series.reduce((a, p) => a + pick(p), 0);
      const last = series[series.length - 1];
      const report: Report = {
        filename: `rekap-bulanan-${opd ? opd.code.toLowerCase().replace(/[^a-z0-9]+/g, '-') : 'pemda'}-${year}`,
        title: `Realisasi Belanja Bulanan ${opd ? opd.name : 'Seluruh Perangkat Daerah'}`,
        ...(await printedFor(ctx, pemda)),
        period: `Tahun Anggaran ${year}`,
        tables: [{
          name: `Bulanan ${year}`,
          columns: [
            { header: 'Bulan' }, { header: 'Realisasi Total', kind: 'rupiah' }, { header: 'Realisasi Katalog Lokal', kind: 'rupiah' }, { header: 'Realisasi UMK-K', kind: 'rupiah' },
            { header: 'UMK-K s.d. Bulan Ini', kind: 'rupiah' }, { header: '% UMK-K thd Pagu (kumulatif)', kind: 'percent' },
          ],
          rows: series.map((p) => [monthName(p.month), p.realisedTotal, p.catalogueTotal, p.realisedUmkk, p.umkkYearToDate, p.umkkShareOfBudgetYearToDate]),
          totals: ['Jumlah', sum((p) => p.realisedTotal), sum((p) => p.catalogueTotal), sum((p) => p.realisedUmkk), last.umkkYearToDate, last.umkkShareOfBudgetYearToDate],
        }],
        notes: [`Rencana UMK-K ${percentText(last.plannedUmkkShare)} dan alokasi UMK-K ${percentText(last.allocatedUmkkShare)} dari pagu belanja barang/jasa.`],
      };
      return renderReport(report, format, dialect);
    }, 'reads only');
  }
}
