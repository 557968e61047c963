import { categoryId, CREATE_PRODUCT, pemdaIds, productInput, vendorAccount } from '../support/catalogue.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';

const CREATE = `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id code depth basicNeeds isLeaf } }`;

describe('the category tree', () => {
  let t: TestApp;
  let ids: { batu: string; bontang: string };
  let bpbj: string;

  beforeAll(async () => {
    t = await createTestApp();
    ids = await pemdaIds(t);
    bpbj = await t.login('bpbj@batukota.go.id');
  });
  afterAll(() => t.close());

  it('is served as a tree of roots with children, three levels deep, with basic needs flagged', async () => {
    const tree = await t.exec(`query($p: ID!) { categories(pemdaId: $p) { code basicNeeds isLeaf children { code isLeaf children { code isLeaf } } } }`, { p: ids.batu });
    const roots = tree.data.categories;
    expect(roots.map((c: any) => c.code)).toEqual(expect.arrayContaining(['pangan', 'mamin', 'atk', 'cetak', 'sandang', 'suvenir', 'olahan']));
    const pangan = roots.find((c: any) => c.code === 'pangan');
    expect(pangan.basicNeeds).toBe(true);
    expect(pangan.children.map((c: any) => c.code)).toEqual(expect.arrayContaining(['pangan-beras', 'pangan-minyak-goreng', 'pangan-gula', 'pangan-susu']));
    const apel = roots.find((c: any) => c.code === 'olahan').children.find((c: any) => c.code === 'olahan-apel');
    expect(apel.isLeaf).toBe(false);
    expect(apel.children.every((c: any) => c.isLeaf)).toBe(true);
  });

  it('BPBJ adds a child that inherits basic needs; a fourth level is refused', async () => {
    const child = await t.exec(CREATE, { input: { pemdaId: ids.batu, parentId: await categoryId(t, ids.batu, 'pangan'), code: 'pangan-kedelai', name: 'Kedelai' } }, { token: bpbj });
    expect(child.data.createCategory).toEqual(expect.objectContaining({ depth: 2, basicNeeds: true, isLeaf: true }));
    const fourth = await t.exec(CREATE, { input: { pemdaId: ids.batu, parentId: await categoryId(t, ids.batu, 'olahan-apel-keripik'), code: 'terlalu-dalam', name: 'Terlalu Dalam' } }, { token: bpbj });
    expect(errorCode(fourth)).toBe('BAD_USER_INPUT');
  });

  it('a category that holds products cannot grow children, and codes are unique per Pemda', async () => {
    const vendor = await vendorAccount(t, ids.batu, bpbj);
    const gula = await categoryId(t, ids.batu, 'pangan-gula');
    await t.exec(CREATE_PRODUCT, { input: productInput(gula, { name: 'Gula Pasir Lokal' }) }, { token: vendor.token });
    expect(errorCode(await t.exec(CREATE, { input: { pemdaId: ids.batu, parentId: gula, code: 'gula-aren', name: 'Gula Aren' } }, { token: bpbj }))).toBe('CONFLICT');
    expect(errorCode(await t.exec(CREATE, { input: { pemdaId: ids.batu, code: 'pangan', name: 'Pangan Lagi' } }, { token: bpbj }))).toBe('CONFLICT');
  });

  it("only BPBJ of the same Pemda manages its tree", async () => {
    const input = { pemdaId: ids.batu, code: 'jasa', name: 'Jasa' };
    expect(errorCode(await t.exec(CREATE, { input }, { token: await t.login('bpbj@bontangkota.go.id') }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(CREATE, { input }, { token: await t.login('pp.dinkes@batukota.go.id') }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(CREATE, { input }))).toBe('UNAUTHENTICATED');
  });
});
