import { ArrayType, Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
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
