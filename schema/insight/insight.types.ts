import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ID } from '../../server/ids.js';
import { Rupiah } from '../../server/money/rupiah.js';

enum PriceVerdict {
  FAIR = 'FAIR',
  HIGH = 'HIGH',
  NOT_ENOUGH_DATA = 'NOT_ENOUGH_DATA',
}
registerEnumType(PriceVerdict, { name: 'PriceVerdict' });

@ObjectType()
export class PriceComparableView {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() vendorName!: string;
  @Field(() => Rupiah) price!: number;
}

@ObjectType({ description: 'A unit price against its comparison set.' })
export class PriceCheckView {
  @Field(() => Rupiah, { description: "The unit price under check: the live one, or a pending revision's when asked." }) checkedPrice!: number;
  @Field(() => PriceVerdict) verdict!: PriceVerdict;
  @Field(() => Float, { nullable: true, description: 'Median unit price of the comparison set (may end in .5).' }) median!: number | null;
  @Field(() => Float, { nullable: true, description: 'Median absolute deviation of the comparison set.' }) mad!: number | null;
  @Field(() => Int) comparedWith!: number;
  @Field() explanation!: string;
  @Field(() => [PriceComparableView], { description: 'The comparison set, cheapest first (at most 20).' }) comparison!: PriceComparableView[];
  @Field(() => Rupiah, { nullable: true, description: 'The lowest unit price the Pemda agreed for this product in orders accepted over the past year.' }) earlierAgreedPrice!: number | null;
  @Field({ description: 'The price under check is more than 10% above that earlier agreed price.' }) aboveEarlierPrice!: boolean;
}

enum OrderWarningCode {
  REPEAT_VENDOR = 'REPEAT_VENDOR',
  PRICE_HIGH = 'PRICE_HIGH',
  PRICE_ABOVE_EARLIER = 'PRICE_ABOVE_EARLIER',
}
registerEnumType(OrderWarningCode, {
  name: 'OrderWarningCode',
  valuesConfig: {
    REPEAT_VENDOR: { description: "The Pemda's repeat-vendor rule: the OPD has ordered from this vendor its limit of times within the window." },
    PRICE_HIGH: { description: 'A line is priced far above similar products (median and MAD rule).' },
    PRICE_ABOVE_EARLIER: { description: 'A line is priced more than 10% above what the Pemda agreed for the same product over the past year.' },
  },
});

@ObjectType({ description: 'A warning on an order not yet accepted: for the PP and the PPK, never a block.' })
export class OrderWarningView {
  @Field(() => OrderWarningCode) code!: OrderWarningCode;
  @Field() message!: string;
  @Field(() => ID, { nullable: true }) productId!: string | null;
}
