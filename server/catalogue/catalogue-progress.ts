import type { RequestContext } from '../context.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { buyerVisibleSql } from './visibility.js';
import { findInScope } from '../database/find.js';

export interface StatusCount {
  status: string;
  count: number;
}

export interface CatalogueProgress {
  listedProductsTarget: number;
  publishedProducts: number;
  publishedLocalProducts: number;
  /** publishedLocalProducts / target, in percent with two decimals; null without a target. */
  targetAchievedPercent: number | null;
  verifiedVendors: number;
  verifiedLocalUmkkVendors: number;
  vendorsByStatus: StatusCount[];
  productsByStatus: StatusCount[];
}

/** Public aggregates of a Pemda's catalogue against its listing target (Kota Batu 2023: 2.500 local products). */
export async function catalogueProgress(ctx: RequestContext, pemdaId: string): Promise<CatalogueProgress> {
  const pemda = await findInScope(ctx.em, Pemda, pemdaId, 'Pemda');
  const conn = ctx.em.getConnection();
  const [published] = await conn.execute<{ published: string; local: string }[]>(
    `select count(*) as published, count(*) filter (where v.is_local) as local
       from product p join vendor v on v.id = p.vendor_id
      where p.pemda_id = ? and ${buyerVisibleSql()}`,
    [pemdaId],
  );
  const vendors = await conn.execute<{ status: string; count: string; local_umkk: string }[]>(
    `select status, count(*) as count, count(*) filter (where is_local and is_umkk) as local_umkk from vendor where pemda_id = ? group by status order by status`,
    [pemdaId],
  );
  const products = await conn.execute<{ status: string; count: string }[]>(
    `select status, count(*) as count from product where pemda_id = ? group by status order by status`,
    [pemdaId],
  );
  const local = Number(published.local);
  const verified = vendors.find((r) => r.status === 'VERIFIED');
  return {
    listedProductsTarget: pemda.listedProductsTarget,
    publishedProducts: Number(published.published),
    publishedLocalProducts: local,
    targetAchievedPercent: pemda.listedProductsTarget > 0 ? Math.round((local * 10000) / pemda.listedProductsTarget) / 100 : null,
    verifiedVendors: Number(verified?.count ?? 0),
    verifiedLocalUmkkVendors: Number(verified?.local_umkk ?? 0),
    vendorsByStatus: vendors.map((r) => ({ status: r.status, count: Number(r.count) })),
    productsByStatus: products.map((r) => ({ status: r.status, count: Number(r.count) })),
  };
}
