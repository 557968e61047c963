import { asReport } from '../database/statement-timeout.js';
import { assertManagesPemda, requireActor } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
import { conflict, notFound, Validation } from '../errors.js';
import { exportTable, type ExportFile, type ExportFormat } from '../exports/table-export.js';
import { AsnProgramme } from '../asn/asn.entities.js';
import { formatMonth, localDate } from '../calendar/time-zone.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { resolvePeriod } from '../spend/period.js';
import { SpendStatus } from '../spend/recap.service.js';
import { add, ceil, compare, div, fromDecimal, HUNDRED, max, min, mul, ratio, sub, thousandths, toDecimal, ZERO, type Ratio } from '../exact.js';
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

const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;

/** A weight (at most 2 decimals, out of 100) as the exact fraction of a component's 0-100 value it contributes. */
const weightShare = (weight: number): Ratio => div(fromDecimal(weight, 2), HUNDRED);

/**
 * Min-max to 0-100 across the assessable OPDs, exact: (x - min) / (max - min) x 100; all equal: 100 when there is
 * something, 0 when all are zero. It remembers which OPDs set the ends, so the explanation can name them.
 */
export function minMaxScale(entries: { opd: string; value: number }[]) {
  const sorted = [...entries].sort((a, b) => a.value - b.value || a.opd.localeCompare(b.opd));
  const low = sorted[0];
  const high = sorted.at(-1);
  const range = low && high ? high.value - low.value : 0;
  return {
    range,
    score(x: number): Ratio {
      if (!low || !high) return ZERO;
      if (range === 0) return high.value > 0 ? HUNDRED : ZERO;
      return ratio(BigInt(x - low.value) * 100n, range);
    },
    explain(format: (n: number) => string): string {
      if (!low || !high) return 'tidak ada pembanding';
      const holders = (value: number) => sorted.filter((e) => e.value === value).map((e) => e.opd).join(', ');
      return `(nilai - min) / (max - min) x 100; min ${format(low.value)} (${holders(low.value)}), max ${format(high.value)} (${holders(high.value)})`;
    },
  };
}

/** UMK-K realised over the budget of the period (months/12 of the year's), as an exact percent. */
export function umkkShareOfPeriodBudget(umkk: number, yearBudget: number, months: number): Ratio {
  return yearBudget > 0 ? ratio(BigInt(umkk) * 100n * 12n, BigInt(yearBudget) * BigInt(months)) : ZERO;
}

/**
 * Payment timeliness on a fixed scale, not against the other OPDs (a single payer would otherwise get full marks
 * whatever its delay): 100 when paid the day of the BAST, 50 at the payment term, 0 at twice the term or later.
 */
export function timelinessScore(medianDays: Ratio, termDays: number): Ratio {
  if (termDays <= 0) return compare(medianDays, ZERO) <= 0 ? HUNDRED : ZERO;
  return max(ZERO, min(HUNDRED, sub(HUNDRED, div(mul(medianDays, ratio(50)), ratio(termDays)))));
}

function checkConfig(config: AwardConfig): void {
  const weights = Object.values(config.weights);
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
    const months = period.toMonth - period.fromMonth + 1;
    const recap = await ctx.services.recap.recap(ctx, pemdaId, { year: period.year, fromMonth: period.fromMonth, toMonth: period.toMonth });
    const transactions = new Map(
      (await ctx.em.execute<{ opd_id: string; n: string }[]>(
        `select opd_id, sum(transactions) as n from spend_rollup where pemda_id = ? and catalogue and month >= ? and month <= ? group by opd_id`,
        [pemdaId, period.from, period.to],
      )).map((r) => [r.opd_id, Number(r.n)]),
    );
    const lastDay = new Date(Date.UTC(period.year, period.toMonth, 0)).toISOString().slice(0, 10);
    // An unpaid BAST's age is counted to the period's end, or to today while the period runs.
    const today = localDate(ctx.now(), pemda.timeZone);
    const asOf = today < lastDay ? today : lastDay;
    // Days from BAST to payment for the payments made in the period, and, for every BAST of the year still unpaid at
    // the period's end, its age on that day: an OPD that pays nothing is late, not absent.
    const paymentDays = new Map(
      (await ctx.em.execute<{ opd_id: string; median: string; paid: string; unpaid: string; days: number[] | string }[]>(
        `with delays as (
           select po.opd_id, (pay.paid_on - po.bast_date) as days, true as paid
             from payment pay join purchase_order po on po.id = pay.order_id
            where po.pemda_id = ? and pay.paid_on >= ? and pay.paid_on <= ? and po.bast_date is not null
           union all
           select po.opd_id, (?::date - po.bast_date) as days, false as paid
             from purchase_order po
            where po.pemda_id = ? and po.bast_date >= ? and po.bast_date <= ?
              and not exists (select 1 from payment pay where pay.order_id = po.id and pay.paid_on <= ?))
         select opd_id, percentile_cont(0.5) within group (order by days) as median,
                count(*) filter (where paid) as paid, count(*) filter (where not paid) as unpaid,
                array_to_string(array_agg(days order by days), ', ') as days
           from delays group by opd_id`,
        [pemdaId, `${period.from}-01`, asOf, asOf, pemdaId, `${period.year}-01-01`, asOf, asOf],
      )).map((r) => [r.opd_id, { median: ratio(Math.round(Number(r.median) * 2), 2), paid: Number(r.paid), unpaid: Number(r.unpaid), days: String(r.days) }]),
    );
    const asn = config.asnProgrammeId ? await this.asnMonths(ctx, pemda, config.asnProgrammeId, period) : null;

    const assessable = recap.opds.filter((r) => r.status !== SpendStatus.NOT_ASSESSABLE);
    const spendScale = minMaxScale(assessable.map((r) => ({ opd: r.opd.name, value: r.catalogueTotal })));
    const transactionScale = minMaxScale(assessable.map((r) => ({ opd: r.opd.name, value: transactions.get(r.opd.id) ?? 0 })));
    const target = fromDecimal(recap.targetPercent, 2);
    const term = config.maxMedianPaymentDays;
    const subYear = months < 12 ? ` (periode ${months} bulan: dibandingkan dengan ${months}/12 pagu tahunan)` : '';

    // What ranking and the next-tier hint need beyond the shown, rounded figures.
    const exact = new Map<string, { scoreMilli: number; share: Ratio; spendNormalised: Ratio }>();
    const rows: AwardRow[] = recap.opds.map((r) => {
      const base = { opdId: r.opd.id, opdCode: r.opd.code, opdName: r.opd.name };
      if (r.status === SpendStatus.NOT_ASSESSABLE) {
        return { ...base, assessable: false, notAssessableReason: `Pagu belanja barang/jasa ${period.year} belum dicatat.`, score: null, rank: null, tier: null, components: [], flags: [], nextTier: null, toNextTier: null };
      }
      const tx = transactions.get(r.opd.id) ?? 0;
      const pay = paymentDays.get(r.opd.id) ?? null;
      const asnRate = asn?.rates.get(r.opd.id) ?? null;
      // The UMK-K share of the budget for the period: a quarter is measured against a quarter of the year's budget.
      const share = umkkShareOfPeriodBudget(r.realisedUmkk, r.budget, months);
      const adoption = r.realisedTotal > 0 ? ratio(BigInt(r.catalogueTotal) * 100n, r.realisedTotal) : ZERO;
      const raw: [AwardComponent, number | null, Ratio, string][] = [
        [AwardComponent.CATALOGUE_SPEND, r.catalogueTotal, spendScale.score(r.catalogueTotal), `${rupiah(r.catalogueTotal)} melalui katalog; ${spendScale.explain(rupiah)}`],
        [AwardComponent.UMKK_SHARE, toDecimal(share, 2), min(HUNDRED, mul(div(share, target), HUNDRED)), `${toDecimal(share, 2)}% dari pagu${subYear}, target ${recap.targetPercent}%: porsi / target x 100, maksimal 100`],
        [AwardComponent.TRANSACTIONS, tx, transactionScale.score(tx), `${tx} transaksi katalog; ${transactionScale.explain(String)}`],
        [AwardComponent.ADOPTION, toDecimal(adoption, 2), adoption, `${rupiah(r.catalogueTotal)} dari ${rupiah(r.realisedTotal)} realisasi melalui katalog`],
        [
          AwardComponent.PAYMENT_TIMELINESS,
          pay ? toDecimal(pay.median, 1) : null,
          pay ? timelinessScore(pay.median, term) : ZERO,
          pay
            ? `median ${toDecimal(pay.median, 1)} hari dari BAST ke pembayaran atas ${pay.paid} pembayaran dan ${pay.unpaid} BAST belum dibayar (dihitung umurnya per ${asOf}), hari: ${pay.days}; 100 bila dibayar hari itu juga, 50 pada batas ${term} hari, 0 pada ${2 * term} hari`
            : 'belum ada BAST atau pembayaran pada periode ini',
        ],
        [AwardComponent.ASN_COMPLIANCE, asnRate ? toDecimal(asnRate, 3) : null, asnRate ?? ZERO, asn ? asn.explain(r.opd.id) : 'tidak ada program ASN yang dinilai'],
      ];
      const components: (ComponentScore & { contributionMilli: number; exactNormalised: Ratio })[] = raw.map(([component, value, normalised, explanation]) => {
        const weight = config.weights[component];
        // The one rounding: each contribution, half away from zero to 3 decimals, from its exact value.
        const contributionMilli = thousandths(mul(normalised, weightShare(weight)));
        return { component, raw: value, normalised: toDecimal(normalised, 3), weight, contribution: contributionMilli / 1000, contributionMilli, exactNormalised: normalised, explanation };
      });
      // The score is the sum of the shown contributions, so the parts always add up to the whole.
      const scoreMilli = components.reduce((sum, c) => sum + c.contributionMilli, 0);
      const flags = [
        compare(share, fromDecimal(config.minUmkkSharePercent)) < 0 && `Porsi UMK-K ${toDecimal(share, 2)}% di bawah batas ${config.minUmkkSharePercent}%${subYear}`,
        tx === 0 && 'Tidak ada transaksi melalui katalog pada periode ini',
        pay && compare(pay.median, ratio(term)) > 0 && `Pembayaran terlambat: median ${toDecimal(pay.median, 1)} hari (batas ${term})`,
      ].filter((f): f is string => Boolean(f));
      exact.set(r.opd.id, { scoreMilli, share, spendNormalised: components[0].exactNormalised });
      return {
        ...base, assessable: true, notAssessableReason: null, score: scoreMilli / 1000, rank: null, tier: null,
        components: components.map(({ contributionMilli: _m, exactNormalised: _e, ...c }) => c), flags, nextTier: null, toNextTier: null,
      };
    });

    // Deterministic order: score, then the exact UMK-K share, then catalogue rupiah, then OPD code.
    const byOpd = new Map(recap.opds.map((r) => [r.opd.id, r]));
    const of = (row: AwardRow) => exact.get(row.opdId)!;
    const ranked = rows.filter((r) => r.assessable).sort(
      (a, b) => of(b).scoreMilli - of(a).scoreMilli || compare(of(b).share, of(a).share) || byOpd.get(b.opdId)!.catalogueTotal - byOpd.get(a.opdId)!.catalogueTotal || a.opdCode.localeCompare(b.opdCode),
    );
    const tiers = config.tiers.map(([name, minimum]) => ({ name, milli: Math.round(minimum * 1000) }));
    const spendWeight = weightShare(config.weights[AwardComponent.CATALOGUE_SPEND]);
    ranked.forEach((row, i) => {
      row.rank = i + 1;
      const { scoreMilli, spendNormalised } = of(row);
      row.tier = tiers.find((t) => scoreMilli >= t.milli)?.name ?? null;
      const next = [...tiers].reverse().find((t) => t.milli > scoreMilli);
      if (next) {
        row.nextTier = next.name;
        const gap = ratio(next.milli - scoreMilli, 1000);
        const headroom = mul(sub(HUNDRED, spendNormalised), spendWeight);
        // Holding the others fixed: the catalogue rupiah that closes the gap through the spend component alone,
        // gap / weight x (max - min), rounded up to the rupiah.
        row.toNextTier =
          spendWeight.n > 0n && compare(gap, headroom) <= 0 && spendScale.range > 0
            ? `Sekitar ${rupiah(ceil(mul(div(gap, mul(spendWeight, HUNDRED)), ratio(spendScale.range))))} lagi melalui katalog mencapai ${next.name}`
            : `Skor ${toDecimal(gap, 3)} poin lagi untuk ${next.name}; belanja katalog saja tidak cukup, naikkan juga porsi UMK-K atau kepatuhan`;
      }
    });

    const version = (previous?.version ?? 0) + 1;
    const result = ctx.em.create(AwardResult, { pemda, period: periodLabel, version, status: AwardStatus.DRAFT, snapshot: { config, rows: [...ranked, ...rows.filter((r) => !r.assessable)] } });
    await ctx.em.flush();
    return result;
  }

  /**
   * The ASN programme's compliance per OPD over the months of the period that count: from the programme's first
   * month, and only once a month's reporting deadline has passed (before that it is "belum jatuh tempo", not 0%).
   * An OPD's rate is the mean of its monthly rates met / (ASN - exempt), exact.
   */
  private async asnMonths(ctx: RequestContext, pemda: Pemda, programmeId: string, period: { year: number; fromMonth: number; toMonth: number }) {
    const programme = await ctx.em.findOne(AsnProgramme, { id: programmeId, pemda });
    if (!programme) throw notFound('Program ASN');
    const counted: string[] = [];
    const notDue: string[] = [];
    for (let m = period.fromMonth; m <= period.toMonth; m++) {
      const month = `${period.year}-${String(m).padStart(2, '0')}`;
      if (month < programme.startMonth) continue;
      if (await ctx.services.asn.isDue(ctx, programme, month)) counted.push(month);
      else notDue.push(month);
    }
    const perOpd = new Map<string, { month: string; rate: Ratio }[]>();
    for (const month of counted) {
      for (const row of await ctx.services.asn.opdMonth(ctx, programmeId, month)) {
        const expected = row.asnCount - row.exemptCount;
        if (expected > 0) perOpd.set(row.opd.id, [...(perOpd.get(row.opd.id) ?? []), { month, rate: ratio(row.metCount * 100, expected) }]);
      }
    }
    const rates = new Map([...perOpd].map(([opd, list]) => [opd, div(list.reduce((sum, m) => add(sum, m.rate), ZERO), ratio(list.length))]));
    return {
      rates,
      explain(opdId: string): string {
        const list = perOpd.get(opdId) ?? [];
        const parts = list.map((m) => `${formatMonth(m.month)} ${toDecimal(m.rate, 2)}%`);
        const pending = notDue.length ? `; belum jatuh tempo: ${notDue.map(formatMonth).join(', ')}` : '';
        return list.length
          ? `rata-rata kepatuhan ASN ${toDecimal(rates.get(opdId)!, 3)}% atas ${list.length} bulan yang sudah lewat batas lapor: ${parts.join(', ')}${pending}`
          : `belum ada bulan yang lewat batas lapor${pending}`;
      },
    };
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
