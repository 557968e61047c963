import { buyerVisibleSql } from '../../server/catalogue/visibility.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { purchasingWorld, SET_CART, type World } from '../support/purchasing.js';

const PRODUCT = `query($id: ID!) { product(id: $id) { id name } }`;
const PRODUCTS = `query($p: ID!, $v: ID) { products(pemdaId: $p, filter: { vendorId: $v }, first: 100) { edges { node { id } } } }`;
const SEARCH = `query($p: ID!, $q: String) { searchProducts(pemdaId: $p, query: $q, first: 50) { totalCount edges { node { id } } } }`;
const VENDOR_COUNT = `query($id: ID!) { vendor(id: $id) { productCount } }`;
const PROGRESS = `query($p: ID!) { catalogueProgress(pemdaId: $p) { publishedProducts } }`;
const PLACE_ASN = `mutation($items: [AsnOrderItemInput!]!) { placeAsnOrder(items: $items) { id } }`;
const SUSPEND = `mutation($id: ID!, $reason: String!) { suspendVendor(id: $id, reason: $reason) { status } }`;
const REINSTATE = `mutation($id: ID!) { reinstateVendor(id: $id) { status } }`;

describe('one visibility rule: a suspended vendor\'s products are gone from every path a buyer can take', () => {
  let t: TestApp;
  let w: World;
  let product: string;
  let asn: string;

  beforeAll(async () => {
    t = await createTestApp({ catalogue: true }); // with the demo ASN of Dinkes Kota Batu
    w = await purchasingWorld(t);
    product = await w.product(w.vendorA, { name: 'Kopi Arabika Bumiaji 250 g', price: 45000, stock: 30, unit: 'bungkus' });
    asn = await t.login('asn.dinkes@batukota.go.id');
  });
  afterAll(() => t.close());

  /** Every way a buyer, the public or an ASN reaches a product, as the answer each gives about this one. */
  async function seen(): Promise<Record<string, unknown>> {
    const byId = async (token?: string) => ((await t.exec(PRODUCT, { id: product }, { token })).data?.product?.id === product ? 'shown' : 'hidden');
    const inList = async (token?: string) =>
      (await t.exec(PRODUCTS, { p: w.ids.batu, v: w.vendorA.id }, { token })).data.products.edges.some((e: any) => e.node.id === product) ? 'shown' : 'hidden';
    const search = await t.exec(SEARCH, { p: w.ids.batu, q: 'kopi arabika bumiaji' }, { token: w.pp });
    const cart = await t.exec(SET_CART, { p: product, q: 1 }, { token: w.pp });
    if (!cart.errors) await t.exec(SET_CART, { p: product, q: 0 }, { token: w.pp });
    const asnOrder = await t.exec(PLACE_ASN, { items: [{ productId: product, quantity: 1 }] }, { token: asn });
    return {
      'product(id), public': await byId(),
      'product(id), PP': await byId(w.pp),
      'products, public': await inList(),
      'products, PP': await inList(w.pp),
      searchProducts: search.data.searchProducts.edges.some((e: any) => e.node.id === product) ? 'shown' : 'hidden',
      'vendor.productCount (BPBJ)': (await t.exec(VENDOR_COUNT, { id: w.vendorA.id }, { token: w.bpbj })).data.vendor.productCount,
      'catalogueProgress.publishedProducts': (await t.exec(PROGRESS, { p: w.ids.batu })).data.catalogueProgress.publishedProducts,
      'cart (setCartItem)': cart.errors ? errorCode(cart) : 'added',
      'ASN order (placeAsnOrder)': asnOrder.errors ? asnOrder.errors[0].extensions!.code : 'placed',
    };
  }

  it('is shown everywhere while the vendor is verified, and hidden everywhere once it is suspended', async () => {
    const published = await seen();
    expect(published).toEqual(expect.objectContaining({
      'product(id), public': 'shown', 'product(id), PP': 'shown', 'products, public': 'shown', 'products, PP': 'shown',
      searchProducts: 'shown', 'vendor.productCount (BPBJ)': 1, 'cart (setCartItem)': 'added', 'ASN order (placeAsnOrder)': 'placed',
    }));

    expect((await t.exec(SUSPEND, { id: w.vendorA.id, reason: 'Izin usaha sedang diperiksa' }, { token: w.bpbj })).errors).toBeUndefined();
    expect(await seen()).toEqual({
      'product(id), public': 'hidden',
      'product(id), PP': 'hidden',
      'products, public': 'hidden',
      'products, PP': 'hidden',
      searchProducts: 'hidden',
      'vendor.productCount (BPBJ)': 0,
      'catalogueProgress.publishedProducts': (published['catalogueProgress.publishedProducts'] as number) - 1,
      'cart (setCartItem)': 'NOT_FOUND',
      'ASN order (placeAsnOrder)': 'BAD_USER_INPUT',
    });

    // Its BPBJ and the vendor itself still see it, in every state.
    expect((await t.exec(PRODUCT, { id: product }, { token: w.bpbj })).data.product.id).toBe(product);
    expect((await t.exec(PRODUCT, { id: product }, { token: w.vendorA.token })).data.product.id).toBe(product);

    expect((await t.exec(REINSTATE, { id: w.vendorA.id }, { token: w.bpbj })).errors).toBeUndefined();
    expect((await seen()).searchProducts).toBe('shown');
  });

  it('is the rule the search index trigger keeps in the database, word for word', async () => {
    const [{ definition }] = await t.em().getConnection().execute<{ definition: string }[]>(`select pg_get_functiondef('searchable_product_sync(uuid[])'::regprocedure) as definition`);
    expect(definition).toContain(buyerVisibleSql('p', 'v'));
  });
});
