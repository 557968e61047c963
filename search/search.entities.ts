import { ArrayType, DecimalType, Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../server/database/base.entity.js';
import { Pemda } from '../server/pemda/pemda.entity.js';

/** A word BPBJ teaches the search: "migor" means "minyak goreng". Per Pemda, because local words differ. */
@ObjectType({ implements: BaseEntity, description: 'A search synonym of one Pemda: the term also finds each expansion.' })
@Entity({ tableName: 'search_synonym' })
@Unique({ name: 'search_synonym_pemda_term_unique', properties: ['pemda', 'term'] })
export class SearchSynonym extends BaseEntity {
  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'cascade' })
  pemda!: Ref<Pemda>;

  @Field({ description: 'One lower-case word, e.g. "migor".' })
  @Property()
  term!: string;

  @Field(() => [String], { description: 'What it also means, e.g. ["minyak goreng"].' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  expansions!: string[];
}

/**
 * Products whose searchable view changed, written by database triggers in the same transaction as the change
 * (product, vendor or category), and drained to the external search engine in batches.
 */
@Entity({ tableName: 'search_outbox' })
@Index({ name: 'search_outbox_due_index', properties: ['nextAttemptAt', 'id'] })
export class SearchOutboxEntry {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  productId!: string;

  @Property({ type: 'uuid' })
  pemdaId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ default: 0 })
  attempts!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  nextAttemptAt!: Date;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;
}

/**
 * Every word (5+ letters) of product names and categories, kept by the product trigger. A typed word is matched
 * against this small table by trigram similarity ("kripik" -> "keripik"), and the corrections go to the full-text
 * index: typo tolerance without comparing the query to every product row.
 */
@Entity({ tableName: 'search_vocabulary' })
@Index({ name: 'search_vocabulary_word_trgm_index', expression: 'create index "search_vocabulary_word_trgm_index" on "search_vocabulary" using gin ("word" gin_trgm_ops)' })
export class SearchVocabularyWord {
  @PrimaryKey({ type: 'text' })
  word!: string;
}

/**
 * The PostgreSQL engine's index: one narrow row per product buyers may see (published, of a verified vendor),
 * with the vendor's and category's facet values copied in and the weighted Indonesian text vector. Kept by
 * database triggers in the same transaction as every product, vendor or category change, so it is never stale;
 * a product that stops being visible loses its row. Searching it needs no join and no visibility test, and
 * facets are counted from a covering index.
 */
@Entity({ tableName: 'searchable_product' })
@Index({ name: 'searchable_product_text_index', expression: 'create index "searchable_product_text_index" on "searchable_product" using gin ("search_vector")' })
@Index({ name: 'searchable_product_newest_index', expression: 'create index "searchable_product_newest_index" on "searchable_product" ("pemda_id", "created_at" desc, "product_id" desc)' })
@Index({ name: 'searchable_product_price_index', properties: ['pemdaId', 'price', 'productId'] })
@Index({ name: 'searchable_product_facets_index', properties: ['pemdaId', 'categoryId', 'isLocal', 'isUmkk', 'isPdn', 'basicNeeds', 'price'] })
export class SearchableProduct {
  @PrimaryKey({ type: 'uuid' })
  productId!: string;

  @Property({ type: 'uuid' })
  pemdaId!: string;

  @Property({ type: 'uuid' })
  vendorId!: string;

  @Property({ type: 'uuid' })
  categoryId!: string;

  @Property()
  name!: string;

  @Property({ type: 'bigint' })
  price!: string;

  @Property({ type: new DecimalType('number'), precision: 5, scale: 2, nullable: true })
  tkdnPercent?: number | null;

  @Property()
  isLocal!: boolean;

  @Property()
  isUmkk!: boolean;

  @Property()
  isPdn!: boolean;

  @Property()
  basicNeeds!: boolean;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt!: Date;

  @Property({ columnType: 'tsvector' })
  searchVector!: string;
}

/**
 * Facet counts of `searchable_product` as a ledger: the index's triggers append one signed row per facet cell a
 * statement changes (+3 beras products under Rp50.000 from local UMK-K vendors, -1 ...), and never update a row, so
 * catalogue writers never wait on each other. A cell's count is the sum of its rows; browsing without words reads a
 * few hundred rows instead of counting every product. `compactFacetLedger` folds the rows into one per cell.
 */
@Entity({ tableName: 'search_facet_count' })
@Index({ name: 'search_facet_count_pemda_index', properties: ['pemdaId'] })
export class SearchFacetCount {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  pemdaId!: string;

  @Property({ type: 'uuid' })
  categoryId!: string;

  @Property()
  isLocal!: boolean;

  @Property()
  isUmkk!: boolean;

  @Property()
  isPdn!: boolean;

  @Property()
  basicNeeds!: boolean;

  /** Index into PRICE_BANDS (search/port.ts), as computed by the SQL function search_price_band. */
  @Property({ type: 'smallint' })
  priceBand!: number;

  @Property()
  products!: number;
}
