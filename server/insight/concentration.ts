import type { EntityManager } from '@mikro-orm/postgresql';
import { assertManagesPemda, requireActor } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
import { findInScope } from '../database/find.js';
import { ratio, toDecimal } from '../exact.js';
import { Validation } from '../errors.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { percent } from '../spend/period.js';

export interface OpdConcentration {
  opdId: string;
  opdCode: string;
  opdName: string;
  catalogueSpend: number;
  vendors: number;
  topVendorName: string;
  /** Percent of the OPD's catalogue spend, two decimals. */
  topVendorShare: number;
  topThreeShare: number;
  /** Herfindahl-Hirschman index, 0-10000: the sum of squared percent shares, rounded once to a whole number. */
  hhi: number;
}

/**
 * How much of each OPD's realised catalogue spend goes to its top vendors, and the HHI of it (10000 means one vendor
 * takes all; under 1500 is usually read as unconcentrated, above 2500 as highly concentrated). Computed from whole
 * rupiah: HHI = 10000 x sum(a_i^2) / S^2, rounded half away from zero once. Spend is placed in the year as the recap
 * places it (the vendor rollups, kept by `recogniseOrder`). Most concentrated first.
 */
export async function vendorConcentration(ctx: RequestContext, pemdaId: string, year: number): Promise<OpdConcentration[]> {
  assertManagesPemda(requireActor(ctx), pemdaId);
  await findInScope(ctx.em, Pemda, pemdaId, 'Pemda');
  new Validation().check(Number.isInteger(year) && year >= 2000 && year <= 2100, 'year', 'Tahun 2000-2100.').throwIfInvalid();
  const rows = await concentrationBetween(ctx.em, pemdaId, `${year}-01`, `${year}-12`);
  return rows.sort((a, b) => b.hhi - a.hhi || a.opdCode.localeCompare(b.opdCode));
}

/**
 * The same figures for whole months 'YYYY-MM' from..to: the recap's column for its period. Read from the vendor
 * rollups (kept with each recognised order), a few hundred rows for a Pemda year. By OPD code.
 */
export async function concentrationBetween(em: EntityManager, pemdaId: string, fromMonth: string, toMonth: string): Promise<OpdConcentration[]> {
  const rows = await em.getConnection().execute<{ opd_id: string; opd_code: string; opd_name: string; vendor: string; amount: string }[]>(
    `select r.opd_id, opd.code as opd_code, opd.name as opd_name, v.business_name as vendor, sum(r.amount) as amount
       from vendor_spend_rollup r join opd on opd.id = r.opd_id join vendor v on v.id = r.vendor_id
      where r.pemda_id = ? and r.month >= ? and r.month <= ?
      group by r.opd_id, opd.code, opd.name, v.id, v.business_name
      having sum(r.amount) > 0
      order by opd.code`,
    [pemdaId, fromMonth, toMonth],
  );
  const byOpd = new Map<string, typeof rows>();
  for (const row of rows) {
    const vendors = byOpd.get(row.opd_id);
    if (vendors) vendors.push(row);
    else byOpd.set(row.opd_id, [row]);
  }
  return [...byOpd.values()].map((vendors) => {
    const amounts = vendors.map((v) => BigInt(v.amount));
    const total = amounts.reduce((a, b) => a + b, 0n);
    const sorted = [...vendors].sort((a, b) => Number(b.amount) - Number(a.amount) || a.vendor.localeCompare(b.vendor));
    const sumOfSquares = amounts.reduce((a, b) => a + b * b, 0n);
    return {
      opdId: vendors[0].opd_id, opdCode: vendors[0].opd_code, opdName: vendors[0].opd_name,
      catalogueSpend: Number(total), vendors: vendors.length, topVendorName: sorted[0].vendor,
      topVendorShare: percent(Number(sorted[0].amount), Number(total)) ?? 0,
      topThreeShare: percent(sorted.slice(0, 3).reduce((a, v) => a + Number(v.amount), 0), Number(total)) ?? 0,
      hhi: total > 0n ? toDecimal(ratio(10000n * sumOfSquares, total * total), 0) : 0,
    };
  });
}
