import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../database/base.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';

export const MAX_CATEGORY_DEPTH = 3;

@ObjectType({ implements: BaseEntity, description: 'A node of the Pemda\'s category tree (up to 3 levels). Products sit on leaves.' })
@Entity({ tableName: 'category' })
@Unique({ name: 'category_pemda_code_unique', properties: ['pemda', 'code'] })
export class Category extends BaseEntity<'kbkiCode' | 'basicNeeds' | 'parent'> {
  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'restrict' })
  pemda!: Ref<Pemda>;

  @ManyToOne(() => Category, { ref: true, nullable: true, deleteRule: 'restrict' })
  parent?: Ref<Category> | null;

  @Field({ description: 'Stable code within the Pemda, used in CSV imports, e.g. "pangan-beras".' })
  @Property()
  code!: string;

  @Field()
  @Property()
  name!: string;

  @Field(() => String, { nullable: true, description: 'KBKI (Klasifikasi Baku Komoditas Indonesia) code.' })
  @Property({ nullable: true })
  kbkiCode?: string | null;

  @Field({ description: 'Kebutuhan pokok (basic needs: beras, minyak goreng, gula, susu...).' })
  @Property({ default: false })
  basicNeeds: boolean = false;

  @Field(() => Int, { description: '1 for a root, up to 3.' })
  @Property()
  depth!: number;

  /** Ids from the root down to this node, "/a/b/c/": a subtree is every path with this prefix. */
  @Index({ name: 'category_path_index', expression: 'create index "category_path_index" on "category" ("path" text_pattern_ops)' })
  @Property({ type: 'text' })
  path!: string;
}
