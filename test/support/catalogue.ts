import { Category } from '../../server/catalogue/category.entity.js';
import { Pemda } from '../../server/pemda/pemda.entity.js';
import type { TestApp } from './harness.js';

export const REGISTER = `mutation($input: RegisterVendorInput!) { registerVendor(input: $input) { id status isLocal isUmkk phone npwp } }`;
export const CREATE_PRODUCT = `mutation($input: ProductInput!) { createProduct(input: $input) { id status price } }`;
export const UPDATE_PRODUCT = `mutation($id: ID!, $input: ProductUpdateInput!) { updateProduct(id: $id, input: $input) { id status price stock name pendingRevision { name price } } }`;

let counter = 0;

/** A valid registration for Kota Batu; override any field. NIBs and emails are unique per call. */
export function registration(pemdaId: string, overrides: Record<string, unknown> = {}) {
  counter++;
  return {
    pemdaId,
    email: `umkm${counter}.${Date.now()}@contoh.id`,
    password: 'rahasia123',
    businessName: `UMKM Keripik Tempe Nomor ${counter}`,
    ownerName: 'Sri Lestari',
    nib: `81200000${String(counter).padStart(5, '0')}`,
    npwp: '01.234.567.8-901.000',
    scale: 'MIKRO',
    isKoperasi: false,
    domicileRegionCode: '35.79',
    domicileRegionName: 'Kota Batu',
    district: 'Junrejo',
    address: 'Jl. Raya Junrejo No. 12',
    phone: '0812-3456-7890',
    ...overrides,
  };
}

export async function pemdaIds(t: TestApp) {
  const em = t.em();
  const batu = await em.findOneOrFail(Pemda, { kemendagriCode: '35.79' });
  const bontang = await em.findOneOrFail(Pemda, { kemendagriCode: '64.74' });
  return { batu: batu.id, bontang: bontang.id };
}

export async function categoryId(t: TestApp, pemdaId: string, code: string): Promise<string> {
  return (await t.em().findOneOrFail(Category, { pemda: pemdaId, code })).id;
}

/** Registers a vendor and logs it in; verified by the Pemda's BPBJ unless asked otherwise. */
export async function vendorAccount(t: TestApp, pemdaId: string, bpbjToken: string | null, overrides: Record<string, unknown> = {}) {
  const input = registration(pemdaId, overrides);
  const registered = await t.exec(REGISTER, { input });
  if (!registered.data) throw new Error(JSON.stringify(registered.errors));
  const id = registered.data.registerVendor.id as string;
  if (bpbjToken) {
    const verified = await t.exec(`mutation($id: ID!) { verifyVendor(id: $id) { status } }`, { id }, { token: bpbjToken });
    if (!verified.data) throw new Error(JSON.stringify(verified.errors));
  }
  return { id, token: await t.login(input.email as string, 'rahasia123'), input };
}

export function productInput(categoryId: string, overrides: Record<string, unknown> = {}) {
  return {
    name: 'Keripik Apel Manalagi 250 gr',
    description: 'Keripik apel asli Batu tanpa pengawet.',
    categoryId,
    unit: 'pack',
    price: 25000,
    stock: 100,
    minOrderQuantity: 1,
    imageUrls: ['https://cdn.contoh.id/keripik.jpg'],
    isPdn: true,
    tkdnPercent: 45.5,
    ...overrides,
  };
}

/** Creates, submits and approves a product; returns its id. */
export async function publishedProduct(t: TestApp, vendorToken: string, bpbjToken: string, input: Record<string, unknown>): Promise<string> {
  const created = await t.exec(CREATE_PRODUCT, { input }, { token: vendorToken });
  if (!created.data) throw new Error(JSON.stringify(created.errors));
  const id = created.data.createProduct.id as string;
  const submitted = await t.exec(`mutation($id: ID!) { submitProduct(id: $id) { status } }`, { id }, { token: vendorToken });
  if (!submitted.data) throw new Error(JSON.stringify(submitted.errors));
  const approved = await t.exec(`mutation($id: ID!) { approveProduct(id: $id) { status } }`, { id }, { token: bpbjToken });
  if (!approved.data) throw new Error(JSON.stringify(approved.errors));
  return id;
}
