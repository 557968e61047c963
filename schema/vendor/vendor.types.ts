import { Field, InputType } from 'type-graphql';
import { ID } from '../../server/ids.js';
import { BusinessScale } from '../../server/vendor/vendor.entity.js';

@InputType({ description: "A vendor's business profile." })
export class VendorProfileInput {
  @Field()
  businessName!: string;

  @Field()
  ownerName!: string;

  @Field({ description: 'NIB: 13 digits.' })
  nib!: string;

  @Field({ description: 'NPWP: 15 or 16 digits; dots and dashes are accepted.' })
  npwp!: string;

  @Field(() => BusinessScale)
  scale!: BusinessScale;

  @Field({ nullable: true, defaultValue: false })
  isKoperasi?: boolean;

  @Field({ description: 'Kemendagri code of the domicile regency/city, e.g. "35.79" (Kota Batu).' })
  domicileRegionCode!: string;

  @Field()
  domicileRegionName!: string;

  @Field({ description: 'Kecamatan.' })
  district!: string;

  @Field()
  address!: string;

  @Field({ description: 'Indonesian phone number, stored as +62...' })
  phone!: string;

  @Field({ nullable: true, description: 'Public business email shown to buyers (the login email stays private).' })
  contactEmail?: string;

  @Field({ nullable: true })
  bankName?: string;

  @Field({ nullable: true })
  bankAccountNumber?: string;

  @Field({ nullable: true })
  bankAccountName?: string;
}

@InputType({ description: 'Self-registration of a vendor in one Pemda\'s catalogue: creates a VENDOR account and a PENDING vendor.' })
export class RegisterVendorInput extends VendorProfileInput {
  @Field(() => ID, { description: 'The Pemda whose catalogue the vendor joins.' })
  pemdaId!: string;

  @Field({ description: 'Login email of the vendor account.' })
  email!: string;

  @Field()
  password!: string;
}
