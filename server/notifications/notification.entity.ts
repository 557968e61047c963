import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../database/base.entity.js';
import { User } from '../identity/user.entity.js';

export enum EmailState {
  /** Waiting for the mail job. */
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** Gave up after the last attempt; the error is kept. */
  FAILED = 'FAILED',
  /** Not mailed: the person turned email off, or no SMTP server is configured. */
  SKIPPED = 'SKIPPED',
}
registerEnumType(EmailState, { name: 'EmailState' });

/**
 * One message to one person, written in the same transaction as the change it tells of (an outbox): it exists
 * exactly when the change committed. Read in the app; mailed by the mail job when the person wants email.
 */
@ObjectType({ implements: BaseEntity })
@Entity({ tableName: 'notification' })
@Index({ name: 'notification_recipient_index', properties: ['recipient', 'createdAt'] })
@Index({ name: 'notification_email_due_index', expression: `create index "notification_email_due_index" on "notification" ("email_next_attempt_at") where "email_state" = 'PENDING'` })
export class Notification extends BaseEntity<'emailAttempts' | 'emailState'> {
  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  recipient!: Ref<User>;

  @Field({ description: 'What happened, as a stable code: ORDER_ARRIVED, APPROVAL_WAITING, ORDER_STEP, NEGOTIATION_PROPOSED (to the vendor), NEGOTIATION_ANSWERED (to the PP), ASN_REPORT_MISSING; for BPBJ VENDOR_PENDING, PRODUCT_PENDING, CLASSIFICATION_PENDING; for a vendor VENDOR_VERIFIED, VENDOR_REJECTED, VENDOR_SUSPENDED, VENDOR_REINSTATED, CLASSIFICATION_APPROVED, CLASSIFICATION_REJECTED, PRODUCT_APPROVED, PRODUCT_REJECTED, PRODUCT_REVISION_APPROVED, PRODUCT_REVISION_REJECTED, PRODUCT_SUSPENDED, PRODUCT_REINSTATED.' })
  @Property()
  kind!: string;

  @Field()
  @Property()
  title!: string;

  @Field()
  @Property({ type: 'text' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'The web app path it is about, e.g. /pesanan/<id>.' })
  @Property({ nullable: true })
  link?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  readAt?: Date | null;

  @Field(() => EmailState)
  @Enum({ items: () => EmailState, default: EmailState.PENDING })
  emailState: EmailState = EmailState.PENDING;

  @Property({ default: 0 })
  emailAttempts: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  emailNextAttemptAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  emailSentAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  emailError?: string | null;
}
