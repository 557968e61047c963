import { assertManagesPemda, requireActor } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
import { badInput, conflict, notFound, Validation } from '../errors.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { Category, MAX_CATEGORY_DEPTH } from './category.entity.js';
import { Product } from './product.entity.js';
import { findInScope } from '../database/find.js';

export interface CategoryInput {
  pemdaId: string;
  parentId?: string | null;
  code: string;
  name: string;
  kbkiCode?: string | null;
  basicNeeds?: boolean | null;
}

export interface CategoryUpdate {
  name?: string | null;
  kbkiCode?: string | null;
  basicNeeds?: boolean | null;
}

function check(input: CategoryUpdate & { code?: string }): void {
  const v = new Validation();
  if (input.code !== undefined) v.check(/^[a-z0-9][a-z0-9-]{1,62}$/.test(input.code), 'code', 'Kode kategori: huruf kecil, angka dan tanda hubung, 2-63 karakter (misalnya pangan-beras).');
  if (input.name != null) v.check(input.name.trim().length >= 2, 'name', 'Nama kategori minimal 2 karakter.');
  if (input.kbkiCode) v.check(/^\d{1,10}$/.test(input.kbkiCode), 'kbkiCode', 'Kode KBKI berupa angka, paling banyak 10 digit.');
  v.throwIfInvalid();
}

export class CategoryService {
  /** The whole tree of a Pemda, ordered so parents come before children. Public. */
  list(ctx: RequestContext, pemdaId: string): Promise<Category[]> {
    return ctx.em.find(Category, { pemda: pemdaId }, { orderBy: { depth: 'asc', name: 'asc' } });
  }

  async create(ctx: RequestContext, input: CategoryInput): Promise<Category> {
    assertManagesPemda(requireActor(ctx), input.pemdaId);
    check(input);
    const pemda = await findInScope(ctx.em, Pemda, input.pemdaId, 'Pemda');
    let parent: Category | null = null;
    if (input.parentId) {
      parent = await ctx.em.findOne(Category, { id: input.parentId, pemda });
      if (!parent) throw notFound('Kategori induk');
      if (parent.depth >= MAX_CATEGORY_DEPTH) {
        throw badInput([{ field: 'parentId', message: `Kategori paling dalam ${MAX_CATEGORY_DEPTH} tingkat; pilih induk yang lebih tinggi.` }]);
      }
      // Products sit on leaves: a category that holds products cannot grow children.
      if (await ctx.em.count(Product, { category: parent })) {
        throw conflict(`Kategori "${parent.name}" sudah berisi produk; pindahkan produknya sebelum menambah subkategori.`);
      }
    }
    if (await ctx.em.count(Category, { pemda, code: input.code })) throw conflict(`Kode kategori ${input.code} sudah dipakai.`);
    const category = ctx.em.create(Category, {
      pemda,
      parent,
      code: input.code,
      name: input.name.trim(),
      kbkiCode: input.kbkiCode || null,
      basicNeeds: input.basicNeeds ?? parent?.basicNeeds ?? false,
      depth: (parent?.depth ?? 0) + 1,
      path: '',
    });
    category.path = `${parent?.path ?? '/'}${category.id}/`;
    await ctx.em.flush();
    return category;
  }

  async update(ctx: RequestContext, id: string, input: CategoryUpdate): Promise<Category> {
    const category = await findInScope(ctx.em, Category, id, 'Kategori');
    assertManagesPemda(requireActor(ctx), category.pemda.id);
    check(input);
    if (input.name != null) category.name = input.name.trim();
    if (input.kbkiCode !== undefined) category.kbkiCode = input.kbkiCode || null;
    if (input.basicNeeds != null) category.basicNeeds = input.basicNeeds;
    await ctx.em.flush();
    return category;
  }
}
