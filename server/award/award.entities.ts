import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../database/base.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';

export enum AwardComponent {
  CATALOGUE_SPEND = 'CATALOGUE_SPEND',
  UMKK_SHARE = 'UMKK_SHARE',
  TRANSACTIONS = 'TRANSACTIONS',
  ADOPTION = 'ADOPTION',
  PAYMENT_TIMELINESS = 'PAYMENT_TIMELINESS',
  ASN_COMPLIANCE = 'ASN_COMPLIANCE',
}
registerEnumType(AwardComponent, {
  name: 'AwardComponent',
  valuesConfig: {
    CATALOGUE_SPEND: { description: 'Rupiah through the local catalogue; min-max across the Pemda\'s assessable OPDs.' },
    UMKK_SHARE: { description: 'UMK-K share of the goods/services budget against the target (40%): share / target x 100, capped at 100.' },
    TRANSACTIONS: { description: 'Catalogue orders counted in the period; min-max.' },
    ADOPTION: { description: 'Share of realised spend that went through the catalogue, already 0-100.' },
    PAYMENT_TIMELINESS: { description: 'Median days from BAST to payment, lower is better; inverted min-max. No payment in the period: 0.' },
    ASN_COMPLIANCE: { description: 'Average monthly compliance rate of the ASN programme, already 0-100.' },
  },
});

export enum AwardStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(AwardStatus, { name: 'AwardStatus' });

export interface AwardConfig {
  weights: Record<AwardComponent, number>;
  /** Highest first: [tier, minimum score]. */
  tiers: [string, number][];
  /** Punishment lines. */
  minUmkkSharePercent: number;
  maxMedianPaymentDays: number;
  asnProgrammeId: string | null;
}

export const DEFAULT_AWARD_CONFIG: AwardConfig = {
  weights: {
    [AwardComponent.CATALOGUE_SPEND]: 25,
    [AwardComponent.UMKK_SHARE]: 30,
    [AwardComponent.TRANSACTIONS]: 10,
    [AwardComponent.ADOPTION]: 15,
    [AwardComponent.PAYMENT_TIMELINESS]: 10,
    [AwardComponent.ASN_COMPLIANCE]: 10,
  },
  tiers: [['UTAMA', 80], ['MADYA', 60], ['PRATAMA', 40]],
  minUmkkSharePercent: 10,
  maxMedianPaymentDays: 30,
  asnProgrammeId: null,
};

/** A computed award: config and inputs frozen with the result. Published versions are immutable (database trigger). */
@ObjectType({ implements: BaseEntity, description: 'One computation of the E-Purchasing Award for a period: a draft, or a published and frozen result.' })
@Entity({ tableName: 'award_result' })
@Unique({ name: 'award_result_version_unique', properties: ['pemda', 'period', 'version'] })
@Index({ name: 'award_result_published_index', properties: ['pemda', 'status', 'publishedAt'] })
export class AwardResult extends BaseEntity<'publishedAt'> {
  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'restrict' })
  pemda!: Ref<Pemda>;

  @Field({ description: '"2026" or "2026-Q2".' })
  @Property()
  period!: string;

  @Field(() => Int)
  @Property()
  version!: number;

  @Field(() => AwardStatus)
  @Enum({ items: () => AwardStatus })
  status!: AwardStatus;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  publishedAt?: Date | null;

  /** { config, rows }: everything needed to explain every score without reading live data again. */
  @Property({ type: 'json' })
  snapshot!: { config: AwardConfig; rows: AwardRow[] };
}

export interface ComponentScore {
  component: AwardComponent;
  raw: number | null;
  normalised: number;
  weight: number;
  contribution: number;
  explanation: string;
}

export interface AwardRow {
  opdId: string;
  opdCode: string;
  opdName: string;
  assessable: boolean;
  notAssessableReason: string | null;
  score: number | null;
  rank: number | null;
  tier: string | null;
  components: ComponentScore[];
  flags: string[];
  nextTier: string | null;
  toNextTier: string | null;
}
