import { Field, Float, InputType } from 'type-graphql';
import { ID } from '../../server/ids.js';
import { Rupiah } from '../../server/money/rupiah.js';

/** The filters buyers use, shared by `products` and `searchProducts`. */
@InputType('SearchFilterInput')
export class CatalogueFilterInput {
  @Field(() => ID, { nullable: true, description: 'The category and everything under it.' })
  categoryId?: string;

  @Field(() => ID, { nullable: true })
  vendorId?: string;

  @Field(() => Rupiah, { nullable: true })
  priceMin?: number;

  @Field(() => Rupiah, { nullable: true })
  priceMax?: number;

  @Field({ nullable: true, description: 'Only vendors domiciled in the Pemda.' })
  localOnly?: boolean;

  @Field({ nullable: true, description: 'Only usaha mikro, kecil and koperasi.' })
  umkkOnly?: boolean;

  @Field({ nullable: true })
  pdnOnly?: boolean;

  @Field(() => Float, { nullable: true })
  tkdnMin?: number;

  @Field({ nullable: true, description: 'Only basic-needs (kebutuhan pokok) categories.' })
  basicNeeds?: boolean;
}
