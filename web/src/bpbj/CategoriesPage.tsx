import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { flattenCategories } from '../lib/categories';
import { fieldErrorsOf } from '../lib/fieldErrors';
import { yesNo } from '../lib/format';
import { useFieldErrors } from '../lib/useFieldErrors';
import { NoticeLine, noticeOf, type Notice } from '../lib/useAction';

const Categories = graphql(`
  query CategoryTree($pemdaId: ID!) {
    categories(pemdaId: $pemdaId) {
      id name code kbkiCode basicNeeds depth isLeaf
      children { id name code kbkiCode basicNeeds depth isLeaf children { id name code kbkiCode basicNeeds depth isLeaf } }
    }
  }
`);
const CreateCategory = graphql(`mutation CreateCategory($input: CreateCategoryInput!) { createCategory(input: $input) { id } }`);
const UpdateCategory = graphql(`mutation UpdateCategory($id: ID!, $input: UpdateCategoryInput!) { updateCategory(id: $id, input: $input) { id name kbkiCode basicNeeds } }`);

/**
 * The Pemda's category tree (three levels; products sit on the leaves), as BPBJ curates it: a new category under any
 * that holds no products yet, a category renamed, its KBKI code, and whether it is kebutuhan pokok (which decides what
 * counts under a basic-needs-only ASN programme). Codes never change: CSV imports name categories by them.
 */
export function CategoriesPage({ pemdaId }: { pemdaId: string }) {
  const [{ data }, refresh] = useQuery({ query: Categories, variables: { pemdaId } });
  const [, create] = useMutation(CreateCategory);
  const [, update] = useMutation(UpdateCategory);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { setErrors, message: err } = useFieldErrors();
  const [editing, setEditing] = useState<string | null>(null);
  if (!data) return <p>Memuat…</p>;
  type Node = (typeof data.categories)[number];
  const byId = new Map<string, Node>();
  const walk = (nodes: Node[]) => nodes.forEach((n) => { byId.set(n.id, n); walk((n.children ?? []) as Node[]); });
  walk(data.categories);
  const flat = flattenCategories(data.categories);
  const reread = () => refresh({ requestPolicy: 'network-only' });

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const input = { pemdaId, parentId: text('parentId') || null, code: text('code'), name: text('name'), kbkiCode: text('kbkiCode') || null, basicNeeds: form.get('basicNeeds') === 'on' };
    const result = await create({ input });
    setErrors(fieldErrorsOf(result.error?.graphQLErrors[0]));
    setNotice(noticeOf(result, `Kategori ${input.name} ditambahkan.`));
    if (!result.error) {
      formElement.reset();
      reread();
    }
  }

  async function save(event: FormEvent<HTMLFormElement>, id: string) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get('name') ?? '').trim(), kbkiCode: String(form.get('kbkiCode') ?? '').trim() || null, basicNeeds: form.get('basicNeeds') === 'on' };
    const result = await update({ id, input });
    setNotice(noticeOf(result, `Kategori ${input.name} disimpan.`));
    if (!result.error) setEditing(null);
  }

  return (
    <>
      <h1>Kategori</h1>
      <NoticeLine notice={notice} />
      <section className="card">
        <table>
          <thead><tr><th>Kategori</th><th>Kode</th><th>KBKI</th><th>Kebutuhan pokok</th><th>Tindakan</th></tr></thead>
          <tbody>
            {flat.map((c) => {
              const node = byId.get(c.id)!;
              return editing === c.id ? (
                <tr key={c.id}>
                  <td colSpan={5}>
                    <form onSubmit={(e) => save(e, c.id)} aria-label={`Ubah ${node.name}`}>
                      <label>Nama<input name="name" defaultValue={node.name} /></label>
                      <label>Kode KBKI<input name="kbkiCode" inputMode="numeric" defaultValue={node.kbkiCode ?? ''} /></label>
                      <label className="check"><input type="checkbox" name="basicNeeds" defaultChecked={node.basicNeeds} /> Kebutuhan pokok</label>
                      <div className="actions"><button type="submit">Simpan</button><button type="button" className="secondary" onClick={() => setEditing(null)}>Batal</button></div>
                    </form>
                  </td>
                </tr>
              ) : (
                <tr key={c.id} data-code={node.code}>
                  <td style={{ paddingLeft: `${(node.depth - 1) * 1.5 + 0.5}rem` }}>{node.depth === 1 ? <strong>{node.name}</strong> : node.name}</td>
                  <td><code>{node.code}</code></td>
                  <td>{node.kbkiCode ?? ''}</td>
                  <td>{yesNo(node.basicNeeds)}</td>
                  <td className="actions"><button className="secondary" onClick={() => setEditing(c.id)}>Ubah</button></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2>Tambah kategori</h2>
        <form onSubmit={add} noValidate aria-label="Tambah kategori">
          <label>Di bawah
            <select name="parentId" defaultValue="">
              <option value="">(kategori utama)</option>
              {flat.filter((c) => byId.get(c.id)!.depth < 3).map((c) => <option key={c.id} value={c.id}>{c.path.join(' › ')}</option>)}
            </select>
            {err('parentId')}
          </label>
          <label>Nama<input name="name" />{err('name')}</label>
          <label>Kode (huruf kecil dan tanda hubung, tetap selamanya; mis. kerajinan-bambu)<input name="code" />{err('code')}</label>
          <label>Kode KBKI (boleh kosong)<input name="kbkiCode" inputMode="numeric" />{err('kbkiCode')}</label>
          <label className="check"><input type="checkbox" name="basicNeeds" /> Kebutuhan pokok</label>
          <button type="submit">Tambah kategori</button>
        </form>
      </section>
    </>
  );
}
