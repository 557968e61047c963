import { AsnProgramme } from '../asn/asn.entities.js';
import { assertManagesPemda, requireActor } from '../auth/scope.js';
import { formatMonth, localDate } from '../calendar/time-zone.js';
import type { RequestContext } from '../context.js';
import { asReport } from '../database/statement-timeout.js';
import { conflict, Validation } from '../errors.js';
import { add, div, ratio, toDecimal, ZERO, type Ratio } from '../exact.js';
import { AWARD_COMPONENT, decimal, label } from '../reports/indonesian.js';
import { renderReport } from '../reports/render.js';
import { printedFor, type CsvDialect, type ExportFile, type ExportFormat, type Report } from '../reports/report.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { resolvePeriod, type Period } from '../spend/period.js';
import { SpendStatus } from '../spend/recap.service.js';
import type { AwardInputs } from './award-part.js';
import { rankAndExplain, scoreOpd } from './award-scoring.js';
import { AwardComponent, AwardResult, AwardStatus, DEFAULT_AWARD_CONFIG, type AwardConfig } from './award.entities.js';
import { AWARD_PARTS } from './parts/index.js';
import { findInScope } from '../database/find.js';

export interface AwardPeriodInput {
  year: number;
  quarter?: number | null;
}

export interface AwardConfigInput {
  weights?: Partial<Record<AwardComponent, number>> | null;
  tiers?: [string, number][] | null;
  minUmkkSharePercent?: number | null;
  maxMedianPaymentDays?: number | null;
  asnProgrammeId?: string | null;
}

/**
 * The config of a new version: the previous version's (or the default), overridden by what BPBJ sends. Every
 * component in `AWARD_PARTS` gets a weight: one that a saved version predates weighs 0 until BPBJ weighs it, so the
 * weights still sum to 100 and no contribution is ever undefined.
 */
function mergeConfig(base: AwardConfig, input: AwardConfigInput | null | undefined): AwardConfig {
  const weights = Object.fromEntries(AWARD_PARTS.map(({ component }) => [component, input?.weights?.[component] ?? base.weights[component] ?? 0])) as AwardConfig['weights'];
  return {
    weights,
    tiers: input?.tiers ?? base.tiers,
    minUmkkSharePercent: input?.minUmkkSharePercent ?? base.minUmkkSharePercent,
    maxMedianPaymentDays: input?.maxMedianPaymentDays ?? base.maxMedianPaymentDays,
    asnProgrammeId: input?.asnProgrammeId !== undefined ? input.asnProgrammeId : base.asnProgrammeId,
  };
}

function checkConfig(config: AwardConfig): void {
  const weights = AWARD_PARTS.map(({ component }) => config.weights[component]);
  const tiers = config.tiers.map(([, min]) => min);
  new Validation()
    .check(
      weights.every((w) => Number.isFinite(w) && w >= 0 && Math.abs(w * 100 - Math.round(w * 100)) < 1e-9) && weights.reduce((a, w) => a + Math.round(w * 100), 0) === 10_000,
      'weights',
      'Bobot komponen tidak negatif, paling banyak 2 desimal, dan berjumlah 100.',
    )
    .check(config.tiers.length > 0 && tiers.every((t, i) => t >= 0 && t <= 100 && (i === 0 || t < tiers[i - 1])), 'tiers', 'Ambang predikat 0-100, dari tertinggi ke terendah.')
    .check(config.minUmkkSharePercent >= 0 && config.minUmkkSharePercent <= 100, 'minUmkkSharePercent', 'Ambang sanksi porsi UMK-K 0-100.')
    .check(config.maxMedianPaymentDays >= 0, 'maxMedianPaymentDays', 'Ambang hari pembayaran tidak negatif.')
    .throwIfInvalid();
}

/**
 * The E-Purchasing Award: an explainable index from the platform's own records. Each component is normalised to
 * 0-100, multiplied by its weight, and the contributions sum to the score (0-100, 3 decimals).
 */
export class AwardService {
  /** Computes a new draft version: a report, so it runs under the report statement timeout. */
  compute(ctx: RequestContext, pemdaId: string, periodInput: AwardPeriodInput, configInput?: AwardConfigInput | null): Promise<AwardResult> {
    return asReport(ctx, (ctx) => this.computeDraft(ctx, pemdaId, periodInput, configInput));
  }

  private async computeDraft(ctx: RequestContext, pemdaId: string, periodInput: AwardPeriodInput, configInput?: AwardConfigInput | null): Promise<AwardResult> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    const pemda = await findInScope(ctx.em, Pemda, pemdaId, 'Pemda');
    new Validation().check(periodInput.quarter == null || (periodInput.quarter >= 1 && periodInput.quarter <= 4), 'quarter', 'Triwulan 1-4.').throwIfInvalid();
    const periodLabel = periodInput.quarter ? `${periodInput.year}-Q${periodInput.quarter}` : `${periodInput.year}`;
    const previous = await ctx.em.findOne(AwardResult, { pemda, period: periodLabel }, { orderBy: { version: 'desc' } });
    const config = mergeConfig(previous?.snapshot.config ?? DEFAULT_AWARD_CONFIG, configInput);
    checkConfig(config);
    const period = resolvePeriod({ year: periodInput.year, quarter: periodInput.quarter }, pemda.timeZone, ctx.now());
    const inputs = await this.inputs(ctx, pemda, period, config);
    const scorers = AWARD_PARTS.map((part) => [part.component, part.prepare(inputs)] as const);
    const ranked = rankAndExplain(inputs, inputs.recap.opds.map((r) => scoreOpd(inputs, r, period.year, scorers)));
    const version = (previous?.version ?? 0) + 1;
    const result = ctx.em.create(AwardResult, { pemda, period: periodLabel, version, status: AwardStatus.DRAFT, snapshot: { config, rows: ranked } });
    await ctx.em.flush();
    return result;
  }

  /** What the parts read, each through the owning domain's read function: spend recap, payment delays, ASN compliance. */
  private async inputs(ctx: RequestContext, pemda: Pemda, period: Period, config: AwardConfig): Promise<AwardInputs> {
    const recap = await ctx.services.recap.recap(ctx, pemda.id, { year: period.year, fromMonth: period.fromMonth, toMonth: period.toMonth });
    const lastDay = new Date(Date.UTC(period.year, period.toMonth, 0)).toISOString().slice(0, 10);
    // An unpaid BAST's age is counted to the period's end, or to today while the period runs.
    const today = localDate(ctx.now(), pemda.timeZone);
    const asOf = today < lastDay ? today : lastDay;
    return {
      config,
      recap,
      assessable: recap.opds.filter((r) => r.status !== SpendStatus.NOT_ASSESSABLE),
      months: period.toMonth - period.fromMonth + 1,
      asOf,
      paymentDelays: await ctx.services.orderQueries.paymentDelays(ctx, pemda.id, { from: `${period.from}-01`, asOf, yearStart: `${period.year}-01-01` }),
      asn: config.asnProgrammeId ? await this.asnMonths(ctx, pemda, config.asnProgrammeId, period) : null,
    };
  }

  /**
   * The ASN programme's compliance per OPD over the months of the period that count: from the programme's first
   * month, and only once a month's reporting deadline has passed (before that it is "belum jatuh tempo", not 0%).
   * An OPD's rate is the mean of its monthly rates met / (ASN - exempt), exact.
   */
  private async asnMonths(ctx: RequestContext, pemda: Pemda, programmeId: string, period: { year: number; fromMonth: number; toMonth: number }) {
    const programme = await findInScope(ctx.em, AsnProgramme, { id: programmeId, pemda }, 'Program ASN');
    const counted: string[] = [];
    const notDue: string[] = [];
    for (let m = period.fromMonth; m <= period.toMonth; m++) {
      const month = `${period.year}-${String(m).padStart(2, '0')}`;
      if (month < programme.startMonth) continue;
      if (await ctx.services.asnMonitoring.isDue(ctx, programme, month)) counted.push(month);
      else notDue.push(month);
    }
    const perOpd = new Map<string, { month: string; rate: Ratio }[]>();
    for (const month of counted) {
      for (const row of await ctx.services.asnMonitoring.opdMonth(ctx, programmeId, month)) {
        const expected = row.asnCount - row.exemptCount;
        if (expected > 0) perOpd.set(row.opd.id, [...(perOpd.get(row.opd.id) ?? []), { month, rate: ratio(row.metCount * 100, expected) }]);
      }
    }
    const rates = new Map([...perOpd].map(([opd, list]) => [opd, div(list.reduce((sum, m) => add(sum, m.rate), ZERO), ratio(list.length))]));
    return {
      rates,
      explain(opdId: string): string {
        const list = perOpd.get(opdId) ?? [];
        const parts = list.map((m) => `${formatMonth(m.month)} ${decimal(toDecimal(m.rate, 2))}%`);
        const pending = notDue.length ? `; belum jatuh tempo: ${notDue.map(formatMonth).join(', ')}` : '';
        return list.length
          ? `rata-rata kepatuhan ASN ${decimal(toDecimal(rates.get(opdId)!, 3))}% atas ${list.length} bulan yang sudah lewat batas lapor: ${parts.join(', ')}${pending}`
          : `belum ada bulan yang lewat batas lapor${pending}`;
      },
    };
  }

  async publish(ctx: RequestContext, resultId: string): Promise<AwardResult> {
    const result = await findInScope(ctx.em, AwardResult, resultId, 'Hasil penghargaan');
    assertManagesPemda(requireActor(ctx), result.pemda.id);
    if (result.status === AwardStatus.PUBLISHED) throw conflict('Hasil ini sudah diterbitkan dan tidak dapat diubah.');
    result.status = AwardStatus.PUBLISHED;
    result.publishedAt = ctx.now();
    await ctx.em.flush();
    return result;
  }

  async get(ctx: RequestContext, resultId: string): Promise<AwardResult> {
    const result = await findInScope(ctx.em, AwardResult, resultId, 'Hasil penghargaan');
    if (result.status !== AwardStatus.PUBLISHED) assertManagesPemda(requireActor(ctx), result.pemda.id);
    return result;
  }

  async versions(ctx: RequestContext, pemdaId: string, period: string): Promise<AwardResult[]> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    return ctx.em.find(AwardResult, { pemda: pemdaId, period }, { orderBy: { version: 'asc' } });
  }

  /** The latest published result, ranked OPDs only: what the public (PPID) sees. */
  async leaderboard(ctx: RequestContext, pemdaId: string, period?: string | null): Promise<{ rank: number; opdId: string; opdName: string; score: number; tier: string | null }[]> {
    const result = await ctx.em.findOne(AwardResult, { pemda: pemdaId, status: AwardStatus.PUBLISHED, ...(period ? { period } : {}) }, { orderBy: { publishedAt: 'desc', version: 'desc' } });
    return (result?.snapshot.rows ?? []).filter((r) => r.rank !== null).map((r) => ({ rank: r.rank!, opdId: r.opdId, opdName: r.opdName, score: r.score!, tier: r.tier }));
  }

  /** Two versions side by side, per OPD of the first; the score change is exact to the 3 decimals both show. */
  async compareVersions(ctx: RequestContext, a: string, b: string) {
    const [ra, rb] = [await this.get(ctx, a), await this.get(ctx, b)];
    const rowsB = new Map(rb.snapshot.rows.map((r) => [r.opdId, r]));
    return ra.snapshot.rows.map((x) => {
      const y = rowsB.get(x.opdId);
      const delta = x.score !== null && y?.score != null ? (Math.round(y.score * 1000) - Math.round(x.score * 1000)) / 1000 : null;
      return { opdCode: x.opdCode, opdName: x.opdName, scoreA: x.score, scoreB: y?.score ?? null, delta, rankA: x.rank, rankB: y?.rank ?? null };
    });
  }


  /**
   * A result for the regent: the ranking with each component's contribution, then every OPD's explanation line by
   * line (raw value, normalised 0-100, weight, contribution), so the file explains itself as the screen does.
   */
  async export(ctx: RequestContext, resultId: string, format: ExportFormat, dialect?: CsvDialect): Promise<ExportFile> {
    const result = await this.get(ctx, resultId);
    const pemda = await ctx.em.findOneOrFail(Pemda, result.pemda.id);
    const components = AWARD_PARTS.map((part) => part.component);
    const [year, quarter] = result.period.split('-Q');
    const rows = result.snapshot.rows;
    const report: Report = {
      filename: `e-purchasing-award-${result.period}-v${result.version}`,
      title: `E-Purchasing Award: Indeks Kinerja Belanja Katalog Lokal per Perangkat Daerah (versi ${result.version}, ${result.status === AwardStatus.PUBLISHED ? 'diumumkan' : 'draf'})`,
      ...(await printedFor(ctx, pemda)),
      period: quarter ? `Triwulan ${quarter} Tahun ${year}` : `Tahun Anggaran ${year}`,
      tables: [
        {
          name: `Peringkat ${result.period}`,
          columns: [
            { header: 'Peringkat', kind: 'count', width: 10 }, { header: 'Kode OPD', width: 10 }, { header: 'Nama OPD' }, { header: 'Skor', kind: 'decimal' }, { header: 'Predikat' },
            ...components.map((c) => ({ header: `${label(AWARD_COMPONENT, c)} (bobot ${result.snapshot.config.weights[c] ?? 0})`, kind: 'decimal' as const })),
            { header: 'Sanksi / Catatan' },
          ],
          rows: rows.map((r) => [
            r.rank, r.opdCode, r.opdName, r.score, r.tier ?? (r.assessable ? '' : 'Tidak dinilai'),
            ...components.map((c) => r.components.find((x) => x.component === c)?.contribution ?? null), [...r.flags, r.notAssessableReason ?? ''].filter(Boolean).join('; '),
          ]),
        },
        {
          name: 'Penjelasan',
          columns: [{ header: 'Kode OPD', width: 10 }, { header: 'Nama OPD' }, { header: 'Komponen' }, { header: 'Nilai', kind: 'decimal' }, { header: 'Nilai 0-100', kind: 'decimal' }, { header: 'Bobot', kind: 'decimal' }, { header: 'Kontribusi', kind: 'decimal' }, { header: 'Penjelasan' }],
          rows: rows.flatMap((r) => r.components.map((c) => [r.opdCode, r.opdName, label(AWARD_COMPONENT, c.component), c.raw, c.normalised, c.weight, c.contribution, c.explanation])),
        },
      ],
      notes: ['Skor = jumlah kontribusi; kontribusi = nilai 0-100 x bobot / 100, dibulatkan sekali ke tiga desimal (setengah menjauhi nol).'],
    };
    return renderReport(report, format, dialect);
  }
}
