import { readCsv } from '../imports/spreadsheet.js';
import type { RequestContext } from '../context.js';
import { badInput, forbidden, Validation, type FieldError } from '../errors.js';
import { ImportPolicy } from '../imports/import-policy.js';
import { parseRupiahText } from '../money/rupiah.js';
import { VendorStatus } from '../vendor/vendor.entity.js';
import { Category } from './category.entity.js';
import { checkProductFields, leafCategories, type ProductFields } from './product-fields.js';
import { Product, ProductStatus } from './product.entity.js';
import { notifyBpbj } from '../notifications/notify.js';
import type { ProductService } from './product.service.js';


export interface ImportRow extends Omit<ProductFields, 'categoryId'> {
  categoryId?: string | null;
  /** CSV files name the category by its code rather than its id. */
  categoryCode?: string | null;
}

export interface RowError extends FieldError {
  /** 1-based data row (the CSV header is not counted). */
  row: number;
}

export interface ImportResult {
  applied: boolean;
  /** Rows without an error: what the import creates, or would create (a check, or a file with bad rows). */
  validCount: number;
  createdCount: number;
  failedCount: number;
  errors: RowError[];
  products: Product[];
}

export const MAX_IMPORT_ROWS = 5000;

/** English column names, with the Indonesian ones vendors are likely to type. */
const COLUMNS: Record<string, keyof ImportRow> = {
  name: 'name', nama: 'name',
  description: 'description', deskripsi: 'description',
  category_code: 'categoryCode', kode_kategori: 'categoryCode',
  unit: 'unit', satuan: 'unit',
  price: 'price', harga: 'price',
  stock: 'stock', stok: 'stock',
  min_order_quantity: 'minOrderQuantity', minimal_pesan: 'minOrderQuantity',
  image_urls: 'imageUrls', gambar: 'imageUrls',
  is_pdn: 'isPdn', pdn: 'isPdn',
  tkdn_percent: 'tkdnPercent', tkdn: 'tkdnPercent',
};

/** Parses CSV text (any separator) into import rows; the header names the columns (see COLUMNS). */
export function parseProductCsv(csv: string): ImportRow[] {
  const records = readCsv(csv);
  if (records.length && !Object.keys(records[0]).some((h) => COLUMNS[h])) {
    throw badInput([{ field: 'csv', message: `Baris judul CSV tidak dikenali. Kolom: ${Object.keys(COLUMNS).filter((_, i) => i % 2 === 0).join(', ')}.` }]);
  }
  return records.map((record) => {
    const row: Record<string, unknown> = {};
    for (const [header, raw] of Object.entries(record)) {
      const key = COLUMNS[header];
      if (!key || raw === '') continue;
      if (key === 'price' || key === 'stock' || key === 'minOrderQuantity') row[key] = parseRupiahText(raw);
      else if (key === 'tkdnPercent') row[key] = Number(raw.replace(',', '.'));
      else if (key === 'isPdn') row[key] = ['ya', 'y', 'true', '1', 'yes'].includes(raw.toLowerCase());
      else if (key === 'imageUrls') row[key] = raw.split(/[\s|]+/).filter(Boolean);
      else row[key] = raw;
    }
    return row as unknown as ImportRow;
  });
}

/**
 * Imports many products for the calling vendor. Every row is validated first; then, by the policy, all rows or
 * only the good ones are written in one flush (one transaction): never half-applied by accident. A check (`dryRun`)
 * stops after the validation and writes nothing.
 */
export async function importProducts(
  ctx: RequestContext,
  products: ProductService,
  rows: ImportRow[],
  policy: ImportPolicy,
  submit: boolean,
  dryRun = false,
): Promise<ImportResult> {
  const vendor = await products.actingVendor(ctx);
  if (rows.length === 0) throw badInput([{ field: 'rows', message: 'Tidak ada baris untuk diimpor.' }]);
  if (rows.length > MAX_IMPORT_ROWS) throw badInput([{ field: 'rows', message: `Paling banyak ${MAX_IMPORT_ROWS} baris per impor.` }]);
  if (submit && vendor.status !== VendorStatus.VERIFIED) {
    throw forbidden('Usaha Anda belum terverifikasi BPBJ; impor sebagai draf atau tunggu verifikasi.');
  }

  const categories = await ctx.em.find(Category, { pemda: vendor.pemda });
  const leaves = leafCategories(categories);
  const byCode = new Map(categories.map((c) => [c.code, c.id]));
  const errors: RowError[] = [];
  const valid: ProductFields[] = [];
  rows.forEach((row, index) => {
    const categoryId = row.categoryId ?? (row.categoryCode ? byCode.get(row.categoryCode.trim()) : undefined);
    const fields = { ...row, categoryId: categoryId ?? '' } as ProductFields;
    const v = new Validation();
    checkProductFields(v, fields, leaves, true);
    if (!categoryId && row.categoryCode) v.errors.find((e) => e.field === 'categoryId')!.message = `Kode kategori "${row.categoryCode}" tidak ada di katalog ini.`;
    if (v.ok) valid.push(fields);
    else errors.push(...v.errors.map((e) => ({ ...e, row: index + 1 })));
  });

  const failedRows = new Set(errors.map((e) => e.row)).size;
  if (dryRun || (failedRows > 0 && policy === ImportPolicy.REJECT_ALL)) {
    return { applied: false, validCount: valid.length, createdCount: 0, failedCount: failedRows, errors, products: [] };
  }
  const status = submit ? ProductStatus.SUBMITTED : ProductStatus.DRAFT;
  const created = valid.map((fields) => products.build(ctx, vendor, fields, status));
  // Products put up for curation by the file wait for BPBJ as one submitted by hand does: BPBJ hears of them, once.
  if (submit && created.length) {
    await notifyBpbj(ctx, vendor.pemda.id, {
      kind: 'PRODUCT_PENDING', link: '/bpbj/kurasi', title: `${created.length} produk menunggu kurasi dari ${vendor.businessName}`,
      body: `${vendor.businessName} mengimpor ${created.length} produk dan mengajukannya untuk tayang di katalog.`,
    });
  }
  await ctx.em.flush();
  return { applied: created.length > 0, validCount: valid.length, createdCount: created.length, failedCount: failedRows, errors, products: created };
}
