import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * How far a Pemda's catalogue has changed: bumped by database triggers (migration `catalogue_version`) in the same
 * transaction as any write to its products, vendors, categories or search synonyms, from any path (the ORM, SQL, an import, a seed).
 * The anonymous catalogue page cache (server/catalogue/catalogue-page-cache.ts) answers from memory only while it is
 * unchanged. The value grows past the clock's microseconds, so a database rebuilt under a running server never
 * repeats a version it had.
 */
@Entity({ tableName: 'catalogue_version' })
export class CatalogueVersion {
  @PrimaryKey({ type: 'uuid' })
  pemdaId!: string;

  @Property({ type: 'bigint' })
  version!: string;
}
