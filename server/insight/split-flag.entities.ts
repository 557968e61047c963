import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity.js';
import { rupiahColumn } from '../database/types.js';
import type { SplitFlag } from './split-orders.js';

/**
 * The split-order flags of one group (an OPD with one vendor, or in one leaf category) for one year, under the
 * Pemda's standing rule (14 days, its PPK approval line): recomputed, in the order step's transaction, whenever one of
 * the group's orders is submitted, accepted, rejected, cancelled or expires. BPBJ's page reads these rows instead of
 * a year of orders and lines.
 */
@Entity({ tableName: 'split_flag_group' })
@Unique({ name: 'split_flag_group_key', properties: ['pemdaId', 'year', 'opdId', 'basis', 'keyId'] })
export class SplitFlagGroup extends BaseEntity {
  @Property({ type: 'uuid' })
  pemdaId!: string;

  @Property()
  year!: number;

  @Property({ type: 'uuid' })
  opdId!: string;

  @Property()
  basis!: string;

  @Property({ type: 'uuid' })
  keyId!: string;

  @Property({ type: 'json' })
  flags!: SplitFlag[];
}

/** A Pemda's year whose groups are all in `split_flag_group`, and under which rule: another rule means a fresh build. */
@Entity({ tableName: 'split_flag_year' })
@Unique({ name: 'split_flag_year_key', properties: ['pemdaId', 'year'] })
export class SplitFlagYear extends BaseEntity {
  @Property({ type: 'uuid' })
  pemdaId!: string;

  @Property()
  year!: number;

  @Property()
  windowDays!: number;

  @Property(rupiahColumn())
  threshold!: number;
}
