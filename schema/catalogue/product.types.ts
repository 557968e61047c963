import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ID } from '../../server/ids.js';
import { ImportPolicy } from '../../server/imports/import-policy.js';
import { Product, ProductStatus } from '../../server/catalogue/product.entity.js';
import { ProductSort } from '../../server/catalogue/product-filter.js';
import { RemovalOutcome } from '../../server/catalogue/product.service.js';
import { Rupiah } from '../../server/money/rupiah.js';
import { CatalogueFilterInput } from './catalogue-filter.js';

registerEnumType(ProductSort, { name: 'ProductSort' });
registerEnumType(RemovalOutcome, { name: 'RemovalOutcome', description: 'DELETED if never ordered, otherwise ARCHIVED.' });
registerEnumType(ImportPolicy, {
  name: 'ImportPolicy',
  valuesConfig: {
    REJECT_ALL: { description: 'Any bad row rejects the whole import; nothing is written.' },
    REJECT_FAILED: { description: 'Good rows are imported; bad rows are reported and skipped.' },
  },
});

/** What every way of listing a product asks for, apart from how the category is named. */
@InputType()
class ProductFieldsInput {
  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field()
  unit!: string;

  @Field(() => Rupiah)
  price!: number;

  @Field(() => Int)
  stock!: number;

  @Field(() => Int, { defaultValue: 1 })
  minOrderQuantity!: number;

  @Field(() => [String], { nullable: true, description: 'Photos the vendor uploaded (`/uploads/<id>` from POST /uploads?kind=PRODUCT_PHOTO) or https:// URLs; at most 10.' })
  imageUrls?: string[];

  @Field({ nullable: true })
  isPdn?: boolean;

  @Field(() => Float, { nullable: true })
  tkdnPercent?: number;
}

@InputType()
export class ProductInput extends ProductFieldsInput {
  @Field(() => ID, { description: 'A leaf category of the vendor\'s Pemda.' })
  categoryId!: string;
}

@InputType({ description: 'Only the fields to change.' })
export class ProductUpdateInput {
  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  description?: string;

  @Field(() => ID, { nullable: true })
  categoryId?: string;

  @Field({ nullable: true })
  unit?: string;

  @Field(() => Rupiah, { nullable: true })
  price?: number;

  @Field(() => Int, { nullable: true })
  stock?: number;

  @Field(() => Int, { nullable: true })
  minOrderQuantity?: number;

  @Field(() => [String], { nullable: true })
  imageUrls?: string[];

  @Field({ nullable: true })
  isPdn?: boolean;

  @Field(() => Float, { nullable: true })
  tkdnPercent?: number;
}

@InputType()
export class ProductImportRowInput extends ProductFieldsInput {
  @Field(() => ID, { nullable: true })
  categoryId?: string;

  @Field({ nullable: true, description: 'Alternative to categoryId.' })
  categoryCode?: string;
}

@InputType({ description: 'Either `csv` (with a header row) or `rows`.' })
export class ImportProductsInput {
  @Field({ nullable: true, description: 'Columns: name, description, category_code, unit, price, stock, min_order_quantity, image_urls (space-separated), is_pdn (ya/tidak), tkdn_percent. Indonesian headers (nama, deskripsi, kode_kategori, satuan, harga, stok, minimal_pesan, gambar, pdn, tkdn) work too.' })
  csv?: string;

  @Field({ nullable: true, description: 'An Excel workbook (.xlsx) as base64 instead of csv: its first sheet has the same columns.' })
  xlsxBase64?: string;

  @Field(() => [ProductImportRowInput], { nullable: true })
  rows?: ProductImportRowInput[];

  @Field(() => ImportPolicy)
  policy!: ImportPolicy;

  @Field({ defaultValue: false, description: 'Submit the imported products for curation at once (verified vendors only).' })
  submit!: boolean;

  @Field({ defaultValue: false, description: 'Only check the rows: answer their errors and how many are good, write nothing.' })
  dryRun!: boolean;
}

@ObjectType()
export class ImportRowError {
  @Field(() => Int, { description: '1-based data row (the CSV header not counted).' })
  row!: number;

  @Field()
  field!: string;

  @Field()
  message!: string;
}

@ObjectType({ description: 'A registry imported from a file (ASN, OPDs): rows new and rows updated by their key, or every bad row and nothing written.' })
export class RegistryImportResult {
  @Field() applied!: boolean;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => [ImportRowError]) errors!: ImportRowError[];
}

@ObjectType()
export class ImportProductsResult {
  @Field({ description: 'Whether anything was written.' })
  applied!: boolean;

  @Field(() => Int, { description: 'Rows without an error: what the import creates, or would create (a check, or a file with bad rows under REJECT_ALL).' })
  validCount!: number;

  @Field(() => Int)
  createdCount!: number;

  @Field(() => Int, { description: 'Rows with at least one error.' })
  failedCount!: number;

  @Field(() => [ImportRowError])
  errors!: ImportRowError[];

  @Field(() => [Product])
  products!: Product[];
}

@InputType({ description: 'The catalogue filters, plus status (BPBJ and the vendor itself only; buyers always see PUBLISHED).' })
export class ProductFilterInput extends CatalogueFilterInput {
  @Field(() => [ProductStatus], { nullable: true })
  status?: ProductStatus[];
}

@ObjectType({ description: 'Changes to a published product awaiting BPBJ approval; buyers see the approved version meanwhile.' })
export class ProductRevisionView {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => ID, { nullable: true })
  categoryId?: string;

  @Field(() => String, { nullable: true })
  unit?: string;

  @Field(() => Rupiah, { nullable: true })
  price?: number;

  @Field(() => [String], { nullable: true })
  imageUrls?: string[];

  @Field(() => Boolean, { nullable: true })
  isPdn?: boolean;

  @Field(() => Float, { nullable: true })
  tkdnPercent?: number;

  @Field()
  submittedAt!: Date;
}

@ObjectType()
export class StatusCount {
  @Field()
  status!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "A Pemda's catalogue against its listing target." })
export class CatalogueProgressView {
  @Field(() => Int)
  listedProductsTarget!: number;

  @Field(() => Int)
  publishedProducts!: number;

  @Field(() => Int, { description: 'Published products of verified vendors domiciled in the Pemda.' })
  publishedLocalProducts!: number;

  @Field(() => Float, { nullable: true, description: 'publishedLocalProducts / target, percent with two decimals.' })
  targetAchievedPercent!: number | null;

  @Field(() => Int)
  verifiedVendors!: number;

  @Field(() => Int)
  verifiedLocalUmkkVendors!: number;

  @Field(() => [StatusCount])
  vendorsByStatus!: StatusCount[];

  @Field(() => [StatusCount])
  productsByStatus!: StatusCount[];
}
