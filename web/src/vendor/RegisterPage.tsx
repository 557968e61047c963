import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { BusinessScale } from '../gql/graphql';
import { navigate } from '../app/router';
import { fieldErrorsOf } from '../lib/fieldErrors';
import { BUSINESS_SCALE } from '../lib/format';

const Pemdas = graphql(`query RegisterPemdas { pemdas { id name kemendagriCode } }`);
const Register = graphql(`mutation RegisterVendor($input: RegisterVendorInput!) { registerVendor(input: $input) { id status } }`);

/**
 * An UMKM registers from a phone: one column, the API's Indonesian message beside each field it refuses (NIB,
 * NPWP, phone, password), and the entered values kept. Afterwards it signs in and waits for BPBJ's verification.
 */
export function RegisterPage() {
  const [{ data }] = useQuery({ query: Pemdas });
  const [, register] = useMutation(Register);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const pemda = data?.pemdas.find((p) => p.id === value('pemdaId'));
    const result = await register({
      input: {
        pemdaId: value('pemdaId'), email: value('email'), password: String(form.get('password') ?? ''),
        businessName: value('businessName'), ownerName: value('ownerName'), nib: value('nib'), npwp: value('npwp'),
        scale: value('scale') as BusinessScale, isKoperasi: form.get('isKoperasi') === 'on',
        // A vendor registers with the Pemda it lives in; one from elsewhere is told to BPBJ, who classifies it.
        domicileRegionCode: pemda?.kemendagriCode ?? '', domicileRegionName: pemda?.name.replace(/^Pemerintah /, '') ?? '',
        district: value('district'), address: value('address'), phone: value('phone'), contactEmail: value('contactEmail') || null,
      },
    });
    if (result.error) {
      const error = result.error.graphQLErrors[0];
      const fields = fieldErrorsOf(error);
      setFieldErrors(fields);
      setProblem(Object.keys(fields).length ? 'Periksa isian yang ditandai.' : (error?.message ?? 'Tidak dapat terhubung ke server.'));
      return;
    }
    navigate('/masuk?terdaftar=1');
  }
  const field = (name: string, label: string, input: ReactNode) => (
    <label key={name}>
      {label}
      {input}
      {fieldErrors[name] && <span className="error" id={`${name}-error`}>{fieldErrors[name]}</span>}
    </label>
  );
  const text = (name: string, label: string, props: Record<string, unknown> = {}) =>
    field(name, label, <input name={name} aria-invalid={Boolean(fieldErrors[name])} aria-describedby={fieldErrors[name] ? `${name}-error` : undefined} {...props} />);
  return (
    <section className="card narrow">
      <h1>Daftar sebagai penyedia</h1>
      <p><small>Untuk UMKM dan koperasi. Setelah mendaftar, BPBJ memeriksa NIB dan NPWP Anda sebelum produk dapat tayang.</small></p>
      {problem && <p role="alert" className="error">{problem}</p>}
      <form onSubmit={submit} noValidate>
        {field('pemdaId', 'Pemerintah daerah', (
          <select name="pemdaId" required defaultValue="">
            <option value="" disabled>Pilih</option>
            {data?.pemdas.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        ))}
        {text('businessName', 'Nama usaha', { required: true, autoComplete: 'organization' })}
        {text('ownerName', 'Nama pemilik', { required: true, autoComplete: 'name' })}
        {text('nib', 'NIB (13 digit)', { required: true, inputMode: 'numeric' })}
        {text('npwp', 'NPWP', { required: true, inputMode: 'numeric' })}
        {field('scale', 'Skala usaha', <select name="scale" defaultValue="MIKRO">{Object.entries(BUSINESS_SCALE).map(([v, l]) => <option key={v} value={v}>{l}</option>)}</select>)}
        <label className="check"><input type="checkbox" name="isKoperasi" /> Koperasi</label>
        {text('district', 'Kecamatan', { required: true })}
        {text('address', 'Alamat usaha', { required: true, autoComplete: 'street-address' })}
        {text('phone', 'Nomor telepon / WhatsApp', { required: true, type: 'tel', autoComplete: 'tel' })}
        {text('contactEmail', 'Email usaha (ditampilkan ke pembeli, boleh kosong)', { type: 'email' })}
        {text('email', 'Email untuk masuk', { required: true, type: 'email', autoComplete: 'username' })}
        {text('password', 'Kata sandi (minimal 8 karakter)', { required: true, type: 'password', autoComplete: 'new-password' })}
        <button type="submit">Daftar</button>
      </form>
    </section>
  );
}
