import { ceil, compare, div, HUNDRED, mul, ratio, sub, thousandths, toDecimal, type Ratio } from '../exact.js';
import { decimal } from '../reports/indonesian.js';
import { SpendStatus, type OpdRecap } from '../spend/recap.service.js';
import type { AwardInputs, PartScore } from './award-part.js';
import { AwardComponent, type AwardRow } from './award.entities.js';
import { catalogueSpendScale } from './parts/catalogue-spend.js';
import { rupiah, umkkShareOfPeriodBudget, weightShare } from './scales.js';

/** A row with the exact figures ranking and the next-tier hint need beyond the shown, rounded ones. */
interface ScoredRow {
  row: AwardRow;
  scoreMilli: number;
  share: Ratio;
  spendNormalised: Ratio;
  catalogueTotal: number;
}

/** The parts prepared for one computation: each component with its scorer of one OPD. */
export type Scorers = readonly (readonly [AwardComponent, (opd: OpdRecap) => PartScore])[];

/**
 * One OPD through every part: each component's 0-100 value times its weight is its contribution, rounded once (half
 * away from zero, 3 decimals) from its exact value; the score is the sum of the shown contributions, so the parts
 * always add up to the whole.
 */
export function scoreOpd(inputs: AwardInputs, r: OpdRecap, year: number, scorers: Scorers): ScoredRow {
  const base = { opdId: r.opd.id, opdCode: r.opd.code, opdName: r.opd.name, rank: null, tier: null, nextTier: null, toNextTier: null };
  if (r.status === SpendStatus.NOT_ASSESSABLE) {
    const row = { ...base, assessable: false, notAssessableReason: `Pagu belanja barang/jasa ${year} belum dicatat.`, score: null, components: [], flags: [] };
    return { row, scoreMilli: 0, share: ratio(0), spendNormalised: ratio(0), catalogueTotal: r.catalogueTotal };
  }
  const scores = scorers.map(([component, score]) => ({ component, ...score(r) }));
  const components = scores.map(({ component, raw, normalised, explanation }) => {
    const weight = inputs.config.weights[component];
    const contributionMilli = thousandths(mul(normalised, weightShare(weight)));
    return { component, raw, normalised: toDecimal(normalised, 3), weight, contribution: contributionMilli / 1000, contributionMilli, explanation };
  });
  const scoreMilli = components.reduce((sum, c) => sum + c.contributionMilli, 0);
  const row: AwardRow = {
    ...base, assessable: true, notAssessableReason: null, score: scoreMilli / 1000,
    components: components.map(({ contributionMilli: _m, ...c }) => c),
    flags: scores.flatMap((s) => (s.flag ? [s.flag] : [])),
  };
  return {
    row,
    scoreMilli,
    share: umkkShareOfPeriodBudget(r.realisedUmkk, r.budget, inputs.months),
    spendNormalised: scores.find((s) => s.component === AwardComponent.CATALOGUE_SPEND)!.normalised,
    catalogueTotal: r.catalogueTotal,
  };
}

/**
 * Ranks the assessable OPDs deterministically (score, then the exact UMK-K share, then catalogue rupiah, then OPD
 * code), gives each its tier and what it takes to reach the next one; the OPDs that cannot be assessed follow.
 */
export function rankAndExplain(inputs: AwardInputs, scored: ScoredRow[]): AwardRow[] {
  const ranked = scored.filter((s) => s.row.assessable).sort(
    (a, b) => b.scoreMilli - a.scoreMilli || compare(b.share, a.share) || b.catalogueTotal - a.catalogueTotal || a.row.opdCode.localeCompare(b.row.opdCode),
  );
  const tiers = inputs.config.tiers.map(([name, minimum]) => ({ name, milli: Math.round(minimum * 1000) }));
  const spendWeight = weightShare(inputs.config.weights[AwardComponent.CATALOGUE_SPEND]);
  const spendRange = catalogueSpendScale(inputs.assessable).range;
  ranked.forEach(({ row, scoreMilli, spendNormalised }, i) => {
    row.rank = i + 1;
    row.tier = tiers.find((t) => scoreMilli >= t.milli)?.name ?? null;
    const next = [...tiers].reverse().find((t) => t.milli > scoreMilli);
    if (!next) return;
    row.nextTier = next.name;
    const gap = ratio(next.milli - scoreMilli, 1000);
    const headroom = mul(sub(HUNDRED, spendNormalised), spendWeight);
    // Holding the others fixed: the catalogue rupiah that closes the gap through the spend component alone,
    // gap / weight x (max - min), rounded up to the rupiah.
    row.toNextTier =
      spendWeight.n > 0n && compare(gap, headroom) <= 0 && spendRange > 0
        ? `Sekitar ${rupiah(ceil(mul(div(gap, mul(spendWeight, HUNDRED)), ratio(spendRange))))} lagi melalui katalog mencapai ${next.name}`
        : `Skor ${decimal(toDecimal(gap, 3))} poin lagi untuk ${next.name}; belanja katalog saja tidak cukup, naikkan juga porsi UMK-K atau kepatuhan`;
  });
  return [...ranked.map((s) => s.row), ...scored.filter((s) => !s.row.assessable).map((s) => s.row)];
}
