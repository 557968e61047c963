import type { ProductStatus } from './product.entity.js';

/**
 * How a catalogue list is narrowed and ordered: spoken by the product list and by every search engine (search/port.ts),
 * so it lives apart from both.
 */
export enum ProductSort {
  NEWEST = 'NEWEST',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
  NAME_ASC = 'NAME_ASC',
}

export interface ProductFilter {
  categoryId?: string | null;
  vendorId?: string | null;
  priceMin?: number | null;
  priceMax?: number | null;
  localOnly?: boolean | null;
  umkkOnly?: boolean | null;
  pdnOnly?: boolean | null;
  tkdnMin?: number | null;
  basicNeeds?: boolean | null;
  status?: ProductStatus[] | null;
}
