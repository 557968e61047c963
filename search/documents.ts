import type { EntityManager } from '@mikro-orm/postgresql';
import { buyerVisibleSql } from '../server/catalogue/visibility.js';
import { priceBandOf, type ProductDocument } from './port.js';

interface Row {
  id: string;
  pemda_id: string;
  name: string;
  description: string;
  category_id: string;
  category_name: string;
  vendor_id: string;
  vendor_name: string;
  price: string;
  is_local: boolean;
  is_umkk: boolean;
  is_pdn: boolean;
  basic_needs: boolean;
  tkdn_percent: string | null;
  created_at: Date;
}

const SELECT = `select p.id, p.pemda_id, p.name, p.description, p.category_id, c.name as category_name,
    p.vendor_id, v.business_name as vendor_name, p.price, v.is_local, v.is_umkk, p.is_pdn, c.basic_needs, p.tkdn_percent, p.created_at
  from product p join vendor v on v.id = p.vendor_id join category c on c.id = p.category_id
  where ${buyerVisibleSql()}`;

function toDocument(r: Row): ProductDocument {
  const price = Number(r.price);
  return {
    id: r.id,
    pemdaId: r.pemda_id,
    name: r.name,
    description: r.description,
    categoryId: r.category_id,
    categoryName: r.category_name,
    vendorId: r.vendor_id,
    vendorName: r.vendor_name,
    price,
    priceBand: priceBandOf(price),
    isLocal: r.is_local,
    isUmkk: r.is_umkk,
    isPdn: r.is_pdn,
    basicNeeds: r.basic_needs,
    tkdnPercent: r.tkdn_percent == null ? null : Number(r.tkdn_percent),
    createdAt: new Date(r.created_at).getTime(),
  };
}

/** The documents of those products buyers may see now; ids missing from the result should leave the index. */
export async function documentsFor(em: EntityManager, productIds: string[]): Promise<ProductDocument[]> {
  if (!productIds.length) return [];
  const rows = await em.execute<Row[]>(`${SELECT} and p.id in (?)`, [productIds]);
  return rows.map(toDocument);
}

/** Every visible product of a Pemda, in batches, in a stable order (for a full rebuild). */
export async function* allDocuments(em: EntityManager, pemdaId: string, batchSize = 5_000): AsyncIterable<ProductDocument[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await em.execute<Row[]>(`${SELECT} and p.pemda_id = ? and p.id > ? order by p.id limit ?`, [pemdaId, after, batchSize]);
    if (!rows.length) return;
    yield rows.map(toDocument);
    after = rows.at(-1)!.id;
  }
}
