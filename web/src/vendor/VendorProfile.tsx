import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { BusinessScale, VendorProfileShownFragment } from '../gql/graphql';
import { BUSINESS_SCALE, label, yesNo } from '../lib/format';
import { fieldErrorsOf } from '../lib/fieldErrors';
import { useFieldErrors } from '../lib/useFieldErrors';
import { NoticeLine, type Notice } from '../lib/useAction';

export const VendorProfileShown = graphql(`
  fragment VendorProfileShown on Vendor {
    id businessName ownerName nib npwp scale isKoperasi domicileRegionCode domicileRegionName district address phone contactEmail
    status isUmkk isLocal
    bankAccount { bankName accountNumber accountName }
    pendingClassification { scale isKoperasi domicileRegionCode domicileRegionName }
  }
`);
const UpdateProfile = graphql(`mutation UpdateVendorProfile($id: ID!, $input: VendorProfileInput!) { updateVendorProfile(id: $id, input: $input) { ...VendorProfileShown } }`);

const classification = (c: { scale: BusinessScale; isKoperasi: boolean; domicileRegionName: string }) =>
  `${label(BUSINESS_SCALE, c.scale)}${c.isKoperasi ? ' (koperasi)' : ''}, domisili ${c.domicileRegionName}`;

/**
 * A vendor's profile as the vendor and its BPBJ read it (the API answers the NPWP and the bank account to them only),
 * with a requested classification, if any, below the one in force.
 */
export function VendorFacts({ vendor: v }: { vendor: VendorProfileShownFragment }) {
  return (
    <>
      <table className="facts">
        <tbody>
          <tr><th>Pemilik</th><td>{v.ownerName}</td></tr>
          <tr><th>NIB / NPWP</th><td>{v.nib} / {v.npwp}</td></tr>
          <tr><th>Klasifikasi</th><td data-testid="vendor-classification">{classification(v)} · UMK-K {yesNo(v.isUmkk)}, lokal {yesNo(v.isLocal)}</td></tr>
          <tr><th>Alamat</th><td>{v.address}, Kec. {v.district}</td></tr>
          <tr><th>Kontak</th><td>{v.phone}{v.contactEmail ? ` · ${v.contactEmail}` : ''}</td></tr>
          <tr><th>Rekening</th><td data-testid="vendor-bank">{v.bankAccount ? `${v.bankAccount.bankName} ${v.bankAccount.accountNumber} a.n. ${v.bankAccount.accountName}` : 'belum diisi'}</td></tr>
        </tbody>
      </table>
      {v.pendingClassification && (
        <p className="notice" data-testid="pending-classification">
          Menunggu persetujuan BPBJ: {classification(v.pendingClassification)}. Sampai disetujui, pesanan dicatat dengan klasifikasi di atas.
        </p>
      )}
    </>
  );
}

/**
 * The vendor's business as buyers and BPBJ know it, and the form to change it. Contact details and the bank account
 * apply at once. What decides the vendor's classification (scale, koperasi, domicile) waits for BPBJ while the vendor
 * sells under the one approved, and a new NIB or NPWP is verified again: the page says both before and after saving.
 */
export function VendorProfile({ vendor: v, onSaved }: { vendor: VendorProfileShownFragment; onSaved: () => void }) {
  const [, update] = useMutation(UpdateProfile);
  const [editing, setEditing] = useState(false);
  const { errors: fieldErrors, setErrors: setFieldErrors, message: err } = useFieldErrors();
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const reviewed = v.status === 'VERIFIED' || v.status === 'SUSPENDED';
  const pending = v.pendingClassification;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const input = {
      businessName: value('businessName'), ownerName: value('ownerName'), nib: value('nib'), npwp: value('npwp'),
      scale: value('scale') as BusinessScale, isKoperasi: form.get('isKoperasi') === 'on',
      domicileRegionCode: value('domicileRegionCode'), domicileRegionName: value('domicileRegionName'),
      district: value('district'), address: value('address'), phone: value('phone'), contactEmail: value('contactEmail') || null,
      bankName: value('bankName') || null, bankAccountNumber: value('bankAccountNumber').replace(/[\s.-]/g, '') || null, bankAccountName: value('bankAccountName') || null,
    };
    const legalChange = input.nib !== v.nib || input.npwp.replace(/\D/g, '') !== v.npwp;
    if (legalChange && v.status === 'VERIFIED' && !window.confirm('NIB atau NPWP berubah: usaha Anda kembali menunggu verifikasi BPBJ dan produknya tidak dapat diajukan sampai diverifikasi. Lanjutkan?')) return;
    const result = await update({ id: v.id, input });
    if (result.error) {
      const error = result.error.graphQLErrors[0];
      const fields = fieldErrorsOf(error);
      setFieldErrors(fields);
      setProblem(Object.keys(fields).length ? 'Periksa isian yang ditandai.' : (error?.message ?? 'Gagal menyimpan.'));
      return;
    }
    const saved = result.data!.updateVendorProfile;
    setFieldErrors({});
    setProblem(null);
    setEditing(false);
    onSaved();
    setNotice({
      ok: true,
      text: saved.pendingClassification
        ? 'Profil disimpan. Perubahan skala, koperasi atau domisili menunggu persetujuan BPBJ; sampai disetujui, klasifikasi Anda tetap.'
        : saved.status === 'PENDING' && reviewed ? 'Profil disimpan; NIB/NPWP baru menunggu verifikasi BPBJ.' : 'Profil disimpan.',
    });
  }

  const described = (name: string) => (fieldErrors[name] ? { 'aria-describedby': `${name}-error`, 'aria-invalid': true } : {});
  const text = (name: keyof typeof v, caption: string, props: Record<string, unknown> = {}) => (
    <label>{caption}<input name={name} defaultValue={String(v[name] ?? '')} {...described(name)} {...props} />{err(name)}</label>
  );
  // The form starts from what the vendor asked for last, so a second edit does not quietly withdraw the request.
  const asked = pending ?? v;
  return (
    <section className="card" aria-label="Profil usaha">
      <h2>Profil usaha</h2>
      <NoticeLine notice={notice} />
      {!editing ? (
        <>
          <VendorFacts vendor={v} />
          <button className="secondary" onClick={() => { setEditing(true); setNotice(null); }}>Ubah profil</button>
        </>
      ) : (
        <form onSubmit={save} noValidate>
          {problem && <p role="alert" className="error">{problem}</p>}
          {text('businessName', 'Nama usaha')}
          {text('ownerName', 'Nama pemilik')}
          {text('nib', 'NIB (13 digit)', { inputMode: 'numeric' })}
          {text('npwp', 'NPWP', { inputMode: 'numeric' })}
          {reviewed && <p><small>Skala, koperasi dan domisili menentukan apakah belanja dari Anda dihitung UMK-K dan lokal: perubahannya berlaku setelah disetujui BPBJ. NIB atau NPWP baru diverifikasi ulang.</small></p>}
          <label>Skala usaha
            <select name="scale" defaultValue={asked.scale}>{Object.entries(BUSINESS_SCALE).map(([code, name]) => <option key={code} value={code}>{name}</option>)}</select>
          </label>
          <label className="check"><input type="checkbox" name="isKoperasi" defaultChecked={asked.isKoperasi} /> Koperasi</label>
          <label>Kode wilayah domisili (Kemendagri, mis. 35.79)<input name="domicileRegionCode" defaultValue={asked.domicileRegionCode} {...described('domicileRegionCode')} />{err('domicileRegionCode')}</label>
          <label>Kota/kabupaten domisili<input name="domicileRegionName" defaultValue={asked.domicileRegionName} {...described('domicileRegionName')} />{err('domicileRegionName')}</label>
          {text('district', 'Kecamatan')}
          {text('address', 'Alamat usaha', { autoComplete: 'street-address' })}
          {text('phone', 'Nomor telepon / WhatsApp', { type: 'tel', autoComplete: 'tel' })}
          {text('contactEmail', 'Email usaha (ditampilkan ke pembeli, boleh kosong)', { type: 'email' })}
          <fieldset>
            <legend>Rekening untuk pembayaran (hanya terlihat oleh Anda dan BPBJ)</legend>
            <label>Nama bank<input name="bankName" defaultValue={v.bankAccount?.bankName ?? ''} /></label>
            <label>Nomor rekening<input name="bankAccountNumber" inputMode="numeric" defaultValue={v.bankAccount?.accountNumber ?? ''} {...described('bankAccountNumber')} />{err('bankAccountNumber')}</label>
            <label>Nama pemilik rekening<input name="bankAccountName" defaultValue={v.bankAccount?.accountName ?? ''} /></label>
          </fieldset>
          <div className="actions">
            <button type="submit">Simpan profil</button>
            <button type="button" className="secondary" onClick={() => { setEditing(false); setFieldErrors({}); setProblem(null); }}>Batal</button>
          </div>
        </form>
      )}
    </section>
  );
}
