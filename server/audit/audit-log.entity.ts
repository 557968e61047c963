import { BigIntType, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ID } from '../ids.js';
import { BaseEntity } from '../database/base.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';

export enum AuditSubject {
  VENDOR = 'VENDOR',
  SPEND_PERIOD = 'SPEND_PERIOD',
  EXTERNAL_SPEND = 'EXTERNAL_SPEND',
  PRODUCT = 'PRODUCT',
  ORDER = 'ORDER',
  ASN_ORDER = 'ASN_ORDER',
  /** A Pemda's working calendar (regional days off). */
  CALENDAR = 'CALENDAR',
  /** An account of a PP, PPK, ASN or head of OPD: deactivated, reactivated, its password reset. */
  ACCOUNT = 'ACCOUNT',
  /** An ASN's purchase report: rejected by the head of its OPD or BPBJ. */
  ASN_REPORT = 'ASN_REPORT',
  /** A Pemda's name, kind, province, Kemendagri code or time zone, corrected by the platform admin. */
  PEMDA = 'PEMDA',
}
registerEnumType(AuditSubject, { name: 'AuditSubject' });

/**
 * Append-only record of every status change: who, when, from, to, why. A trigger in the database refuses
 * UPDATE, DELETE and TRUNCATE on this table, so not even a bug in this code can rewrite history.
 */
@ObjectType({ implements: BaseEntity, description: 'One status change, as it happened. Append-only.' })
@Entity({ tableName: 'audit_log' })
@Index({ name: 'audit_log_subject_index', properties: ['subjectType', 'subjectId', 'sequence'] })
@Index({ name: 'audit_log_pemda_recent_index', properties: ['pemda', 'createdAt', 'sequence'] })
export class AuditLog extends BaseEntity<'fromStatus' | 'reason' | 'actorId' | 'actorRole' | 'sequence'> {
  /** Insertion order: several entries can share a timestamp (one transaction), never a sequence number. */
  @Property({ type: new BigIntType('number'), columnType: 'bigint', autoincrement: true })
  sequence?: number;

  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'restrict' })
  pemda!: Ref<Pemda>;

  @Field(() => AuditSubject)
  @Enum({ items: () => AuditSubject })
  subjectType!: AuditSubject;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  subjectId!: string;

  @Field({ description: 'What happened, e.g. VERIFIED, SUBMITTED, REVISION_APPROVED.' })
  @Property()
  action!: string;

  @Field(() => String, { nullable: true })
  @Property({ nullable: true })
  fromStatus?: string | null;

  @Field()
  @Property()
  toStatus!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Field(() => ID, { nullable: true, description: 'The account that acted; null for the system (scheduled jobs).' })
  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ nullable: true })
  actorRole?: string | null;
}
