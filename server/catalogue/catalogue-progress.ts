import { assertManagesPemda, requireActor } from '../auth/scope.js';
import { localDate } from '../calendar/time-zone.js';
import type { RequestContext } from '../context.js';
import { dateName, label, percent, PRODUCT_STATUS, VENDOR_STATUS } from '../reports/indonesian.js';
import { renderReport } from '../reports/render.js';
import { printedFor, type CsvDialect, type ExportFile, type ExportFormat, type Report, type ReportTable } from '../reports/report.js';
import { Pemda } from '../pemda/pemda.entity.js';
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
  // The buyers' products, summed from the search's facet ledger, which the triggers that keep the search's table of
  // buyer-visible products keep in the same transaction: a sum over its cells instead of counting every published
  // product of the Pemda (65 ms at 102,249 products, on the public recap).
  const [published] = await conn.execute<{ published: string; local: string }[]>(
    `select coalesce(sum(products), 0) as published, coalesce(sum(products) filter (where is_local), 0) as local from search_facet_count where pemda_id = ?`,
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

/** The catalogue against its target, and vendors and products by status, as a report for BPBJ's monthly meeting. */
export async function exportCatalogueProgress(ctx: RequestContext, pemdaId: string, format: ExportFormat, dialect?: CsvDialect): Promise<ExportFile> {
  assertManagesPemda(requireActor(ctx), pemdaId);
  const pemda = await findInScope(ctx.em, Pemda, pemdaId, 'Pemda');
  const progress = await catalogueProgress(ctx, pemdaId);
  const heading = await printedFor(ctx, pemda);
  const byStatus = (name: string, labels: Record<string, string>, counts: StatusCount[]): ReportTable => ({
    name,
    columns: [{ header: 'Status' }, { header: 'Jumlah', kind: 'count' }],
    rows: counts.map((c) => [label(labels, c.status), c.count]),
    totals: ['Jumlah', counts.reduce((a, c) => a + c.count, 0)],
  });
  const report: Report = {
    filename: `capaian-katalog-${localDate(heading.printedAt, pemda.timeZone)}`,
    title: 'Capaian Katalog Lokal',
    ...heading,
    period: `Keadaan per ${dateName(localDate(heading.printedAt, pemda.timeZone))}`,
    tables: [
      {
        name: 'Capaian',
        columns: [{ header: 'Ukuran' }, { header: 'Nilai', kind: 'count' }],
        rows: [
          ['Target produk lokal tayang', progress.listedProductsTarget],
          ['Produk tayang', progress.publishedProducts],
          ['Produk lokal tayang', progress.publishedLocalProducts],
          ['Penyedia terverifikasi', progress.verifiedVendors],
          ['Penyedia lokal UMK-K terverifikasi', progress.verifiedLocalUmkkVendors],
        ],
      },
      byStatus('Penyedia per status', VENDOR_STATUS, progress.vendorsByStatus),
      byStatus('Produk per status', PRODUCT_STATUS, progress.productsByStatus),
    ],
    notes: [progress.targetAchievedPercent === null ? 'Target produk lokal belum ditetapkan.' : `Capaian target produk lokal: ${percent(progress.targetAchievedPercent)}.`],
  };
  return renderReport(report, format, dialect);
}
