// The catalogue page and the search page read only the columns their query shows (schema/projection.ts). What can go wrong is a field
// answered from a column that was not read, or a vendor read in part answering another field: these tests ask
// every field both ways and compare.
import { getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { buildAppSchema } from '../../schema/build.js';
import { pemdaIds } from '../support/catalogue.js';
import { createTestApp, type TestApp } from '../support/harness.js';

/** A type's fields that need no argument. */
const askable = (type: GraphQLObjectType) => Object.values(type.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined));

/** One field as a selection: a leaf as is, an object with its own fields `depth` levels down (then its id). */
function fieldSelection(field: GraphQLField<unknown, unknown>, depth: number): string | null {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return field.name;
  if (!isObjectType(named)) return null;
  if (depth > 0) return `${field.name} { ${selectionOf(named, depth - 1)} }`;
  return named.getFields().id ? `${field.name} { id }` : null;
}

const selectionOf = (type: GraphQLObjectType, depth: number): string => askable(type).map((f) => fieldSelection(f, depth)).filter(Boolean).join(' ');

describe('the catalogue page reads only what its query shows', () => {
  let t: TestApp;
  let batu: string;
  let product: GraphQLObjectType;

  beforeAll(async () => {
    t = await createTestApp({ catalogue: true });
    batu = (await pemdaIds(t)).batu;
    product = (await buildAppSchema()).getType('Product') as GraphQLObjectType;
  });
  afterAll(() => t.close());

  /** A page of the catalogue (`products`) or of search (`searchProducts`, no words: newest first) with this selection. */
  const page = async (selection: string, token?: string, first = 100, list: 'products' | 'searchProducts' = 'products') => {
    t.queries.length = 0;
    const result = await t.exec(`query($p: ID) { ${list}(pemdaId: $p, first: ${first}) { edges { node { id ${selection} } } } }`, { p: batu }, { token });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data[list].edges.map((e: any) => e.node);
  };
  const LONG_OR_PRIVATE = ['description', 'npwp', 'bank_account_number', 'address', 'pending_revision', 'pending_classification', 'image_urls'];

  it('a page showing names, vendors and categories reads none of the long or private columns', async () => {
    const nodes = await page('name price vendor { businessName } category { name }');
    expect(nodes).toHaveLength(100);
    expect(t.queries).toHaveLength(1);
    const [statement] = t.queries;
    for (const column of LONG_OR_PRIVATE) expect(statement).not.toContain(`"${column}"`);
    expect(statement).toContain('"business_name"');

    // The same rows as the tables hold.
    const truth = await t.em().getConnection().execute<{ id: string; name: string; price: string; business_name: string; category: string }[]>(
      `select p.id, p.name, p.price, v.business_name, c.name as category from product p join vendor v on v.id = p.vendor_id join category c on c.id = p.category_id where p.id in (?)`,
      [nodes.map((n: any) => n.id)],
    );
    const byId = new Map(truth.map((r) => [r.id, r]));
    for (const n of nodes) {
      const row = byId.get(n.id)!;
      expect([n.name, n.price, n.vendor.businessName, n.category.name]).toEqual([row.name, Number(row.price), row.business_name, row.category]);
    }
  });

  it("a search page's products, too, are read with only the columns shown", async () => {
    const nodes = await page('name price vendor { businessName } category { name }', undefined, 50, 'searchProducts');
    expect(nodes).toHaveLength(50);
    const statements = t.queries.filter((q) => /from "?product"? where/i.test(q));
    expect(statements).toHaveLength(1);
    for (const column of LONG_OR_PRIVATE) expect(statements[0]).not.toContain(`"${column}"`);
    const [row] = await t.em().getConnection().execute<{ name: string; business_name: string }[]>(
      `select p.name, v.business_name from product p join vendor v on v.id = p.vendor_id where p.id = ?`,
      [nodes[0].id],
    );
    expect([nodes[0].name, nodes[0].vendor.businessName]).toEqual([row.name, row.business_name]);
  });

  it('a field asked through a fragment is read too', async () => {
    t.queries.length = 0;
    const result = await t.exec(
      `query($p: ID) { products(pemdaId: $p, first: 20) { edges { node { ...Shown } } } }
       fragment Shown on Product { id ... on Product { description vendor { ...Contact } } }
       fragment Contact on Vendor { address }`,
      { p: batu },
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data.products.edges.map((e: any) => e.node);
    const truth = await t.em().getConnection().execute<{ id: string; description: string; address: string }[]>(
      `select p.id, p.description, v.address from product p join vendor v on v.id = p.vendor_id where p.id in (?)`,
      [nodes.map((n: any) => n.id)],
    );
    const byId = new Map(truth.map((r) => [r.id, r]));
    for (const n of nodes) expect([n.description, n.vendor.address]).toEqual([byId.get(n.id)!.description, byId.get(n.id)!.address]);
  });

  it.each([
    ['the public', null],
    ['BPBJ', 'bpbj@batukota.go.id'],
    ['a vendor', 'keripik.apel@umkm-batu.id'],
  ])('every field of a catalogue or search page, asked alone, answers for %s what the product itself answers', async (_who, email) => {
    const token = email ? await t.login(email) : undefined;
    const full = selectionOf(product, 1);
    // Each product whole, as `product(id)` reads it: a managed entity, every column.
    const whole = new Map<string, any>();
    const wholeOf = async (id: string) => {
      if (!whole.has(id)) {
        const result = await t.exec(`query($id: ID!) { product(id: $id) { ${full} } }`, { id }, { token });
        expect(result.errors).toBeUndefined();
        whole.set(id, result.data.product);
      }
      return whole.get(id);
    };
    for (const list of ['products', 'searchProducts'] as const) {
      for (const field of askable(product)) {
        const selection = fieldSelection(field, 1);
        if (!selection) continue;
        const nodes = await page(selection, token, 25, list);
        expect(nodes.length).toBeGreaterThan(3);
        for (const node of nodes) expect({ [field.name]: node[field.name] }).toEqual({ [field.name]: (await wholeOf(node.id))[field.name] });
      }
      // And all fields at once.
      for (const node of await page(full, token, 25, list)) expect(node).toEqual(await wholeOf(node.id));
    }
  });

  it("a vendor read in part for a page is never another field's answer in the same request", async () => {
    const bpbj = await t.login('bpbj@batukota.go.id');
    const first = (await page('vendor { id }', bpbj, 1))[0];
    const result = await t.exec(
      `query($p: ID, $id: ID!) {
        products(pemdaId: $p, first: 100) { edges { node { id vendor { businessName } } } }
        product(id: $id) { vendor { id address phone npwp } }
      }`,
      { p: batu, id: first.id },
      { token: bpbj },
    );
    expect(result.errors).toBeUndefined();
    const [row] = await t.em().getConnection().execute<{ address: string; phone: string; npwp: string }[]>(`select address, phone, npwp from vendor where id = ?`, [first.vendor.id]);
    expect(result.data.product.vendor).toEqual({ id: first.vendor.id, address: row.address, phone: row.phone, npwp: row.npwp });
  });
});
