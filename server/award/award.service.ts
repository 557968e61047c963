import { assertManagesPemda, requireActor } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
import { conflict, notFound, Validation } from '../errors.js';
import { exportTable, type ExportFile, type ExportFormat } from '../exports/table-export.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { resolvePeriod } from '../spend/period.js';
import { SpendStatus } from '../spend/recap.service.js';
import { AwardComponent, AwardResult, AwardStatus, DEFAULT_AWARD_CONFIG, type AwardConfig, type AwardRow, type ComponentScore } from './award.entities.js';

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

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;

/** Min-max to 0-100 across the assessable OPDs; all equal: 100 when there is something, 0 when all are zero. */
export function minMax(values: (number | null)[], invert = false): (x: number | null) => number {
  const present = values.filter((v): v is number => v !== null);
  const min = Math.min(...present);
  const max = Math.max(...present);
  return (x) => {
    if (x === null || !present.length) return 0;
    if (max === min) return max > 0 || invert ? 100 : 0;
    return ((invert ? max - x : x - min) / (max - min)) * 100;
  };
}

function checkConfig(config: AwardConfig): void {
  const weights = Object.values(config.weights);
  const tiers = config.tiers.map(([, min]) => min);
  new Validation()
    .check(weights.every((w) => Number.isFinite(w) && w >= 0) && Math.abs(weights.reduce((a, b) => a + b, 0) - 100) < 1e-9, 'weights', 'Bobot komponen tidak negatif dan berjumlah 100.')
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
  async compute(ctx: RequestContext, pemdaId: string, periodInput: AwardPeriodInput, configInput?: AwardConfigInput | null): Promise<AwardResult> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    const pemda = await ctx.em.findOne(Pemda, pemdaId);
    if (!pemda) throw notFound('Pemda');
    new Validation().check(periodInput.quarter == null || (periodInput.quarter >= 1 && periodInput.quarter <= 4), 'quarter', 'Triwulan 1-4.').throwIfInvalid();
    const periodLabel = periodInput.quarter ? `${periodInput.year}-Q${periodInput.quarter}` : `${periodInput.year}`;
    const previous = await ctx.em.findOne(AwardResult, { pemda, period: periodLabel }, { orderBy: { version: 'desc' } });
    const base = previous?.snapshot.config ?? DEFAULT_AWARD_CONFIG;
    const config: AwardConfig = {
      weights: { ...base.weights, ...(configInput?.weights ?? {}) },
      tiers: configInput?.tiers ?? base.tiers,
      minUmkkSharePercent: configInput?.minUmkkSharePercent ?? base.minUmkkSharePercent,
      maxMedianPaymentDays: configInput?.maxMedianPaymentDays ?? base.maxMedianPaymentDays,
      asnProgrammeId: configInput?.asnProgrammeId !== undefined ? configInput.asnProgrammeId : base.asnProgrammeId,
    };
    checkConfig(config);

    const period = resolvePeriod({ year: periodInput.year, quarter: periodInput.quarter }, pemda.timeZone, ctx.now());
    const recap = await ctx.services.recap.recap(ctx, pemdaId, { year: period.year, fromMonth: period.fromMonth, toMonth: period.toMonth });
    const transactions = new Map(
      (await ctx.em.execute<{ opd_id: string; n: string }[]>(
        `select opd_id, sum(transactions) as n from spend_rollup where pemda_id = ? and catalogue and month >= ? and month <= ? group by opd_id`,
        [pemdaId, period.from, period.to],
      )).map((r) => [r.opd_id, Number(r.n)]),
    );
    const lastDay = new Date(Date.UTC(period.year, period.toMonth, 0)).toISOString().slice(0, 10);
    const paymentDays = new Map(
      (await ctx.em.execute<{ opd_id: string; median: string }[]>(
        `select po.opd_id, percentile_cont(0.5) within group (order by pay.paid_on - po.bast_date) as median
           from payment pay join purchase_order po on po.id = pay.order_id
          where po.pemda_id = ? and pay.paid_on >= ? and pay.paid_on <= ? group by po.opd_id`,
        [pemdaId, `${period.from}-01`, lastDay],
      )).map((r) => [r.opd_id, Number(r.median)]),
    );
    const asnRates = new Map<string, number>();
    if (config.asnProgrammeId) {
      const sums = new Map<string, number[]>();
      for (let m = period.fromMonth; m <= period.toMonth; m++) {
        const month = `${period.year}-${String(m).padStart(2, '0')}`;
        for (const row of await ctx.services.asn.opdMonth(ctx, config.asnProgrammeId, month)) {
          if (row.complianceRate !== null) sums.set(row.opd.id, [...(sums.get(row.opd.id) ?? []), row.complianceRate]);
        }
      }
      for (const [opd, rates] of sums) asnRates.set(opd, rates.reduce((a, b) => a + b, 0) / rates.length);
    }

    const assessable = recap.opds.filter((r) => r.status !== SpendStatus.NOT_ASSESSABLE);
    const spendScale = minMax(assessable.map((r) => r.catalogueTotal));
    const transactionScale = minMax(assessable.map((r) => transactions.get(r.opd.id) ?? 0));
    const paymentScale = minMax(assessable.map((r) => paymentDays.get(r.opd.id) ?? null), true);
    const target = recap.targetPercent;
    const spendRange = { min: Math.min(...assessable.map((r) => r.catalogueTotal)), max: Math.max(...assessable.map((r) => r.catalogueTotal)) };

    const rows: AwardRow[] = recap.opds.map((r) => {
      const base = { opdId: r.opd.id, opdCode: r.opd.code, opdName: r.opd.name };
      if (r.status === SpendStatus.NOT_ASSESSABLE) {
        return { ...base, assessable: false, notAssessableReason: `Pagu belanja barang/jasa ${period.year} belum dicatat.`, score: null, rank: null, tier: null, components: [], flags: [], nextTier: null, toNextTier: null };
      }
      const tx = transactions.get(r.opd.id) ?? 0;
      const days = paymentDays.get(r.opd.id) ?? null;
      const asn = asnRates.get(r.opd.id) ?? null;
      const raw: [AwardComponent, number | null, number, string][] = [
        [AwardComponent.CATALOGUE_SPEND, r.catalogueTotal, spendScale(r.catalogueTotal), `${rupiah(r.catalogueTotal)} melalui katalog (min-max antar OPD)`],
        [AwardComponent.UMKK_SHARE, r.umkkShareOfBudget, Math.min(100, ((r.umkkShareOfBudget ?? 0) / target) * 100), `${r.umkkShareOfBudget}% dari pagu, target ${target}%`],
        [AwardComponent.TRANSACTIONS, tx, transactionScale(tx), `${tx} transaksi katalog (min-max antar OPD)`],
        [AwardComponent.ADOPTION, r.catalogueShare, r.catalogueShare ?? 0, `${r.catalogueShare ?? 0}% realisasi melalui katalog`],
        [AwardComponent.PAYMENT_TIMELINESS, days, paymentScale(days), days === null ? 'belum ada pembayaran pada periode ini' : `median ${days} hari dari BAST ke pembayaran (makin cepat makin baik)`],
        [AwardComponent.ASN_COMPLIANCE, asn, asn ?? 0, asn === null ? 'tidak ada program ASN yang dinilai' : `rata-rata kepatuhan ASN ${round3(asn)}%`],
      ];
      const components: ComponentScore[] = raw.map(([component, value, normalised, explanation]) => {
        const weight = config.weights[component];
        const n = round3(normalised);
        return { component, raw: value, normalised: n, weight, contribution: round3((n * weight) / 100), explanation };
      });
      const score = round3(components.reduce((s, c) => s + c.contribution, 0));
      const flags = [
        (r.umkkShareOfBudget ?? 0) < config.minUmkkSharePercent && `Porsi UMK-K ${r.umkkShareOfBudget ?? 0}% di bawah batas ${config.minUmkkSharePercent}%`,
        tx === 0 && 'Tidak ada transaksi melalui katalog pada periode ini',
        days !== null && days > config.maxMedianPaymentDays && `Pembayaran terlambat: median ${days} hari (batas ${config.maxMedianPaymentDays})`,
      ].filter((f): f is string => Boolean(f));
      return { ...base, assessable: true, notAssessableReason: null, score, rank: null, tier: null, components, flags, nextTier: null, toNextTier: null };
    });

    // Deterministic order: score, then UMK-K share, then catalogue rupiah, then OPD code.
    const byOpd = new Map(recap.opds.map((r) => [r.opd.id, r]));
    const ranked = rows
      .filter((r) => r.assessable)
      .sort((a, b) => b.score! - a.score! || (byOpd.get(b.opdId)!.umkkShareOfBudget ?? 0) - (byOpd.get(a.opdId)!.umkkShareOfBudget ?? 0) || byOpd.get(b.opdId)!.catalogueTotal - byOpd.get(a.opdId)!.catalogueTotal || a.opdCode.localeCompare(b.opdCode));
    ranked.forEach((row, i) => {
      row.rank = i + 1;
      row.tier = config.tiers.find(([, min]) => row.score! >= min)?.[0] ?? null;
      const next = [...config.tiers].reverse().find(([, min]) => min > row.score!);
      if (!next) return;
      row.nextTier = next[0];
      const gap = next[1] - row.score!;
      const spend = row.components.find((c) => c.component === AwardComponent.CATALOGUE_SPEND)!;
      const headroom = ((100 - spend.normalised) * spend.weight) / 100;
      // Holding the others fixed: the catalogue rupiah that closes the gap through the spend component alone.
      row.toNextTier =
        spend.weight > 0 && gap <= headroom + 1e-9 && spendRange.max > spendRange.min
          ? `Sekitar ${rupiah(Math.ceil((gap / spend.weight) * (spendRange.max - spendRange.min)))} lagi melalui katalog mencapai ${next[0]}`
          : `Skor ${round3(gap)} poin lagi untuk ${next[0]}; belanja katalog saja tidak cukup, naikkan juga porsi UMK-K atau kepatuhan`;
    });

    const version = (previous?.version ?? 0) + 1;
    const result = ctx.em.create(AwardResult, { pemda, period: periodLabel, version, status: AwardStatus.DRAFT, snapshot: { config, rows: [...ranked, ...rows.filter((r) => !r.assessable)] } });
    await ctx.em.flush();
    return result;
  }

  async publish(ctx: RequestContext, resultId: string): Promise<AwardResult> {
    const result = await ctx.em.findOne(AwardResult, resultId);
    if (!result) throw notFound('Hasil penghargaan');
    assertManagesPemda(requireActor(ctx), result.pemda.id);
    if (result.status === AwardStatus.PUBLISHED) throw conflict('Hasil ini sudah diterbitkan dan tidak dapat diubah.');
    result.status = AwardStatus.PUBLISHED;
    result.publishedAt = ctx.now();
    await ctx.em.flush();
    return result;
  }

  async get(ctx: RequestContext, resultId: string): Promise<AwardResult> {
    const result = await ctx.em.findOne(AwardResult, resultId);
    if (!result) throw notFound('Hasil penghargaan');
    if (result.status !== AwardStatus.PUBLISHED) assertManagesPemda(requireActor(ctx), result.pemda.id);
    return result;
  }

  async versions(ctx: RequestContext, pemdaId: string, period: string): Promise<AwardResult[]> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    return ctx.em.find(AwardResult, { pemda: pemdaId, period }, { orderBy: { version: 'asc' } });
  }

  /** The latest published result, for the public leaderboard (PPID). */
  async leaderboard(ctx: RequestContext, pemdaId: string, period?: string | null): Promise<AwardResult | null> {
    return ctx.em.findOne(AwardResult, { pemda: pemdaId, status: AwardStatus.PUBLISHED, ...(period ? { period } : {}) }, { orderBy: { publishedAt: 'desc', version: 'desc' } });
  }

  async export(ctx: RequestContext, resultId: string, format: ExportFormat): Promise<ExportFile> {
    const result = await this.get(ctx, resultId);
    const components = Object.values(AwardComponent);
    return exportTable(
      {
        filename: `e-purchasing-award-${result.period}-v${result.version}`,
        sheet: `Award ${result.period}`,
        header: ['Peringkat', 'Kode OPD', 'Nama OPD', 'Skor', 'Predikat', ...components.map((c) => `Kontribusi ${c}`), 'Sanksi / Catatan'],
        rows: result.snapshot.rows.map((r) => [
          r.rank ?? '', r.opdCode, r.opdName, r.score ?? '', r.tier ?? (r.assessable ? '' : 'TIDAK DINILAI'),
          ...components.map((c) => r.components.find((x) => x.component === c)?.contribution ?? ''), [...r.flags, r.notAssessableReason ?? ''].filter(Boolean).join('; '),
        ]),
      },
      format,
    );
  }
}
