import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../database/base.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';

export enum HolidayKind {
  /** Hari libur nasional, from the joint decree (SKB) of the three ministers. */
  NATIONAL = 'NATIONAL',
  /** Cuti bersama, from the same decree: offices are closed. */
  CUTI_BERSAMA = 'CUTI_BERSAMA',
  /** A Pemda's own day off (its anniversary, a regional holiday), added by its BPBJ. */
  REGIONAL = 'REGIONAL',
}
registerEnumType(HolidayKind, { name: 'HolidayKind' });

/**
 * A day no office works: national days and cuti bersama (no Pemda: they hold everywhere) and each Pemda's own.
 * Every working-day rule (an order's 3 working days for the vendor's answer) skips them.
 */
@ObjectType({ implements: BaseEntity })
@Entity({ tableName: 'holiday' })
@Index({ name: 'holiday_date_index', properties: ['date'] })
// NULLS NOT DISTINCT in the migration: a national day (no Pemda) once, too.
@Unique({ name: 'holiday_day_unique', properties: ['pemda', 'date'] })
export class Holiday extends BaseEntity {
  @ManyToOne(() => Pemda, { ref: true, nullable: true, deleteRule: 'restrict' })
  pemda?: Ref<Pemda> | null;

  @Field({ description: 'YYYY-MM-DD.' })
  @Property({ type: 'date' })
  date!: string;

  @Field()
  @Property()
  name!: string;

  @Field(() => HolidayKind)
  @Enum({ items: () => HolidayKind })
  kind!: HolidayKind;
}
