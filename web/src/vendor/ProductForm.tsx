import { useState, type FormEvent } from 'react';
import { flattenCategories, type CategoryTree } from '../lib/categories';
import { uploadFile } from '../lib/upload';
import { useFieldErrors } from '../lib/useFieldErrors';
import { digitsOf } from '../lib/formValues';
import type { ProductInput } from '../gql/graphql';

/** What the form starts from: nothing for a new product, the product (with its pending revision over it) to edit. */
export type ProductDraft = Partial<Omit<ProductInput, 'imageUrls'>> & { imageUrls?: string[] };

const MAX_PHOTOS = 10;

/**
 * One form for a new product and for changes to one, phone first: the photos come from the camera or the gallery
 * and are uploaded as they are picked (the API turns them upright, shrinks them and strips their location), so what
 * is saved names only stored photos. `save` answers the API's per-field messages, shown next to each field.
 */
export function ProductForm({ initial, categories, submitLabel, save, onCancel }: {
  initial: ProductDraft;
  categories: CategoryTree[];
  submitLabel: string;
  /** Answers null once saved, or the API's messages by field. */
  save: (input: ProductInput, form: HTMLFormElement) => Promise<Record<string, string> | null>;
  onCancel?: () => void;
}) {
  const [photos, setPhotos] = useState<string[]>(initial.imageUrls ?? []);
  const [uploading, setUploading] = useState(0);
  const { errors: fieldErrors, setErrors: setFieldErrors, message: err } = useFieldErrors();

  async function addPhotos(files: FileList | null) {
    const picked = [...(files ?? [])].slice(0, MAX_PHOTOS - photos.length);
    setUploading((n) => n + picked.length);
    const results = await Promise.all(picked.map((file) => uploadFile('PRODUCT_PHOTO', file)));
    setUploading((n) => n - picked.length);
    const failed = results.find((r): r is { error: string } => 'error' in r);
    setFieldErrors((errors) => ({ ...errors, imageUrls: failed?.error ?? '' }));
    setPhotos((current) => [...current, ...results.flatMap((r) => ('url' in r ? [r.url] : []))].slice(0, MAX_PHOTOS));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const digits = (name: string) => Number(digitsOf(value(name)));
    const tkdn = value('tkdnPercent').replace(',', '.');
    const errors = await save({
      name: value('name'), description: value('description'), unit: value('unit'), categoryId: value('categoryId'),
      price: digits('price'), stock: digits('stock'), minOrderQuantity: digits('minOrderQuantity') || 1,
      isPdn: form.get('isPdn') === 'on', tkdnPercent: tkdn ? Number(tkdn) : null, imageUrls: photos,
    }, formElement);
    setFieldErrors(errors ?? {});
    if (!errors) setPhotos(initial.imageUrls ?? []);
  }

  const described = (name: string) => (fieldErrors[name] ? { 'aria-describedby': `${name}-error`, 'aria-invalid': true } : {});
  return (
    <form onSubmit={submit} noValidate>
      <label>Nama produk<input name="name" required defaultValue={initial.name ?? ''} {...described('name')} />{err('name')}</label>
      <label>Kategori
        <select name="categoryId" required defaultValue={initial.categoryId ?? ''} {...described('categoryId')}>
          <option value="" disabled>Pilih kategori</option>
          {categories.map((root) => (
            <optgroup key={root.id} label={root.name}>
              {flattenCategories(root.children ?? []).filter((c) => c.isLeaf).map((c) => <option key={c.id} value={c.id}>{c.path.join(' › ')}</option>)}
            </optgroup>
          ))}
        </select>{err('categoryId')}
      </label>
      <label>Deskripsi<textarea name="description" required defaultValue={initial.description ?? ''} {...described('description')} />{err('description')}</label>
      <fieldset>
        <legend>Foto produk ({photos.length} dari {MAX_PHOTOS})</legend>
        <ul className="photos">
          {photos.map((url, i) => (
            <li key={url}>
              <img src={url} alt={`Foto ${i + 1}`} />
              <button type="button" className="secondary" onClick={() => setPhotos(photos.filter((p) => p !== url))}>Hapus foto {i + 1}</button>
            </li>
          ))}
        </ul>
        {photos.length < MAX_PHOTOS && (
          <label>Tambah foto (kamera atau galeri)
            <input name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple onChange={(e) => { void addPhotos(e.target.files); e.target.value = ''; }} {...described('imageUrls')} />
          </label>
        )}
        {uploading > 0 && <p role="status">Mengunggah {uploading} foto…</p>}
        {err('imageUrls')}
      </fieldset>
      <label>Satuan (pcs, kg, kotak…)<input name="unit" required defaultValue={initial.unit ?? ''} {...described('unit')} />{err('unit')}</label>
      <label>Harga per satuan (Rp)<input name="price" inputMode="numeric" required defaultValue={initial.price ?? ''} {...described('price')} />{err('price')}</label>
      <label>Stok<input name="stock" inputMode="numeric" required defaultValue={initial.stock ?? ''} {...described('stock')} />{err('stock')}</label>
      <label>Minimal pesan<input name="minOrderQuantity" inputMode="numeric" defaultValue={initial.minOrderQuantity ?? 1} {...described('minOrderQuantity')} />{err('minOrderQuantity')}</label>
      <label className="check"><input type="checkbox" name="isPdn" defaultChecked={initial.isPdn ?? true} /> Produk dalam negeri</label>
      <label>Nilai TKDN (%), bila bersertifikat<input name="tkdnPercent" inputMode="decimal" defaultValue={initial.tkdnPercent != null ? String(initial.tkdnPercent).replace('.', ',') : ''} {...described('tkdnPercent')} />{err('tkdnPercent')}</label>
      <div className="actions">
        <button type="submit" disabled={uploading > 0}>{submitLabel}</button>
        {onCancel && <button type="button" className="secondary" onClick={onCancel}>Batal</button>}
      </div>
    </form>
  );
}
