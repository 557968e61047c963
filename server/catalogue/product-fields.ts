import { Validation } from '../errors.js';
import { UPLOAD_PATH } from '../uploads/upload.service.js';
import type { Category } from './category.entity.js';

/** What a vendor types for a product. Shared by the GraphQL mutations and the CSV/list import. */
export interface ProductFields {
  name: string;
  description: string;
  categoryId: string;
  unit: string;
  price: number;
  stock: number;
  minOrderQuantity: number;
  imageUrls?: string[] | null;
  isPdn?: boolean | null;
  tkdnPercent?: number | null;
}

export const MAX_IMAGES = 10;

/** An https:// link, or the address of an upload (checked to be the vendor's own by the product service). */
function isImageAddress(value: string): boolean {
  if (UPLOAD_PATH.test(value)) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && Boolean(url.hostname);
  } catch {
    return false;
  }
}

const isCount = (n: unknown, min: number) => typeof n === 'number' && Number.isSafeInteger(n) && n >= min;

/** The leaf categories of a Pemda, by id: products may only sit on a leaf. */
export function leafCategories(categories: Category[]): Map<string, Category> {
  const parents = new Set(categories.map((c) => c.parent?.id).filter(Boolean));
  return new Map(categories.filter((c) => !parents.has(c.id)).map((c) => [c.id, c]));
}

/**
 * Checks the fields present in `fields` (all of them for a new product, the changed ones for an update) and
 * records every problem in `v` under the field's name.
 */
export function checkProductFields(v: Validation, fields: Partial<ProductFields>, leaves: Map<string, Category>, isNew: boolean): void {
  const has = (key: keyof ProductFields) => isNew || fields[key] !== undefined;
  if (has('name')) v.check(typeof fields.name === 'string' && fields.name.trim().length >= 3 && fields.name.length <= 200, 'name', 'Nama produk 3-200 karakter.');
  if (has('description')) v.check(typeof fields.description === 'string' && fields.description.trim().length >= 1 && fields.description.length <= 5000, 'description', 'Deskripsi produk wajib diisi (paling banyak 5.000 karakter).');
  if (has('unit')) v.check(typeof fields.unit === 'string' && /^[\p{L}\d .\-/]{1,20}$/u.test(fields.unit.trim()), 'unit', 'Satuan wajib diisi, paling banyak 20 karakter (kg, liter, pcs, paket, box...).');
  if (has('price')) v.check(isCount(fields.price, 1), 'price', 'Harga harus bilangan bulat rupiah lebih dari 0.');
  if (has('stock')) v.check(isCount(fields.stock, 0), 'stock', 'Stok harus bilangan bulat 0 atau lebih.');
  if (has('minOrderQuantity')) v.check(isCount(fields.minOrderQuantity, 1), 'minOrderQuantity', 'Minimal pemesanan harus bilangan bulat 1 atau lebih.');
  if (has('categoryId')) {
    v.check(Boolean(fields.categoryId && leaves.has(fields.categoryId)), 'categoryId', 'Pilih kategori paling bawah (tanpa subkategori) dari katalog Pemda ini.');
  }
  if (fields.imageUrls != null) {
    v.check(fields.imageUrls.length <= MAX_IMAGES, 'imageUrls', `Paling banyak ${MAX_IMAGES} gambar.`);
    v.check(fields.imageUrls.every(isImageAddress), 'imageUrls', 'Gambar berupa foto yang Anda unggah atau URL https://.');
  }
  if (fields.tkdnPercent != null) {
    const t = fields.tkdnPercent;
    v.check(typeof t === 'number' && t >= 0 && t <= 100 && Math.abs(Math.round(t * 100) - t * 100) < 1e-9, 'tkdnPercent', 'Nilai TKDN 0 sampai 100, paling banyak dua desimal.');
  }
}
