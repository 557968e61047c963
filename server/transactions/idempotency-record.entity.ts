import { Entity, Index, Property } from '@mikro-orm/core';
import { BaseEntity } from '../database/base.entity.js';

/** The first result of a mutation called with an idempotency key; a retry gets it back and changes nothing. */
@Entity({ tableName: 'idempotency_record' })
@Index({ name: 'idempotency_record_unique', expression: 'create unique index "idempotency_record_unique" on "idempotency_record" ("actor_id", "key")' })
export class IdempotencyRecord extends BaseEntity {
  @Property({ type: 'uuid' })
  actorId!: string;

  @Property()
  key!: string;

  @Property()
  operation!: string;

  @Property({ type: 'json' })
  result!: { orderIds: string[]; row?: Record<string, unknown> }; // the ids the first call returned; for a step, the row as it left it
}
