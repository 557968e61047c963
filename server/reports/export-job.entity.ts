import { BlobType, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../database/base.entity.js';
import { User } from '../identity/user.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { CsvDialect, ExportFormat } from './report.js';

export enum ExportJobStatus {
  /** Waiting for the export job (every 2 s on whichever process claims it). */
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  /** Gave up after the last attempt; `error` says why. */
  FAILED = 'FAILED',
}
registerEnumType(ExportJobStatus, { name: 'ExportJobStatus' });

/** What an export job makes: the kinds too long to make while the officer's request waits. */
export enum ExportJobKind {
  ORDERS = 'ORDERS',
}
registerEnumType(ExportJobKind, { name: 'ExportJobKind' });

export interface OrdersExportParams {
  from: string;
  to: string;
  format: ExportFormat;
  dialect: CsvDialect | null;
}

/**
 * A file asked for now and made by a background job: the request answers at once with the job, the officer (or the
 * web app) asks again for the file. The claim is a lease: a process that dies mid-file leaves it to be made again by
 * another after the lease, and only the claim that is still current may store the file.
 */
@ObjectType({ implements: BaseEntity, description: 'A file made in the background (the orders of a period); ask again with exportJob(id) until it is DONE.' })
@Entity({ tableName: 'export_job' })
@Index({ name: 'export_job_due_index', expression: `create index "export_job_due_index" on "export_job" ("created_at") where "status" in ('QUEUED', 'RUNNING')` })
// The Pemda's latest files, newest first (exportJobs), read from the index without sorting every file ever made.
@Index({ name: 'export_job_pemda_created_index', properties: ['pemda', 'createdAt'] })
export class ExportJob extends BaseEntity<'status' | 'attempts'> {
  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'restrict' })
  pemda!: Ref<Pemda>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  requestedBy!: Ref<User>;

  @Field(() => ExportJobKind)
  @Enum({ items: () => ExportJobKind })
  kind!: ExportJobKind;

  @Property({ type: 'json' })
  params!: OrdersExportParams;

  @Field(() => ExportJobStatus)
  @Enum({ items: () => ExportJobStatus, default: ExportJobStatus.QUEUED })
  status: ExportJobStatus = ExportJobStatus.QUEUED;

  @Property()
  attempts: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  leaseUntil?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the file could not be made (kept while it is tried again).' })
  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  finishedAt?: Date | null;

  @Property({ type: 'string', nullable: true })
  filename?: string | null;

  @Property({ type: 'string', nullable: true })
  contentType?: string | null;

  @Property({ type: BlobType, nullable: true, lazy: true })
  content?: Buffer | null;
}
