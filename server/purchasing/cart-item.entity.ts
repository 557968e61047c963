import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Product } from '../catalogue/product.entity.js';
import { BaseEntity } from '../database/base.entity.js';
import { rupiahColumn } from '../database/types.js';
import { Rupiah } from '../money/rupiah.js';
import { Opd } from '../opd/opd.entity.js';

@ObjectType({ implements: BaseEntity, description: "A product in an OPD's cart, with the price the officer saw when adding it." })
@Entity({ tableName: 'cart_item' })
@Index({ name: 'cart_item_opd_product_unique', expression: 'create unique index "cart_item_opd_product_unique" on "cart_item" ("opd_id", "product_id")' })
export class CartItem extends BaseEntity {
  @ManyToOne(() => Opd, { ref: true, deleteRule: 'cascade' })
  opd!: Ref<Opd>;

  @ManyToOne(() => Product, { ref: true, deleteRule: 'cascade' })
  product!: Ref<Product>;

  @Field(() => Int)
  @Property()
  quantity!: number;

  @Field(() => Rupiah, { description: 'Price when added: checkout reports a line whose price changed since.' })
  @Property(rupiahColumn())
  unitPriceSeen!: number;

  @Property({ type: 'uuid' })
  addedBy!: string;
}
