import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../database/base.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';

@ObjectType({ implements: BaseEntity, description: 'OPD (Organisasi Perangkat Daerah): an agency of a Pemda (Dinas, Badan, Kecamatan, RSUD) that buys through the catalogue.' })
@Entity({ tableName: 'opd' })
@Unique({ properties: ['pemda', 'code'] })
export class Opd extends BaseEntity<'active'> {
  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'restrict' })
  pemda!: Ref<Pemda>;

  @Field({ description: 'Code unique within the Pemda, e.g. "1.02.01".' })
  @Property()
  code!: string;

  @Field()
  @Property()
  name!: string;

  @Field({ description: 'Short name, e.g. "Dinkes".' })
  @Property()
  shortName!: string;

  @Field()
  @Property({ default: true })
  active: boolean = true;
}
