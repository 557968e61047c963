import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { MinimumRule, OutletKind } from '../gql/graphql';
import { GRADE_NAME } from '../asn/AsnMonth';
import { SIMADU_MINIMUMS } from '../../../server/asn/simadu.js';
import { fieldErrorsOf } from '../lib/fieldErrors';
import { rupiah } from '../lib/format';
import { useFieldErrors } from '../lib/useFieldErrors';
import { optionalWhole } from '../lib/formValues';
import { NoticeLine, noticeOf, type Notice } from '../lib/useAction';

const CreateProgramme = graphql(`
  mutation CreateAsnProgramme($input: CreateAsnProgrammeInput!) { createAsnProgramme(input: $input) { id name } }
`);

const OUTLET_KIND: Record<OutletKind, string> = { PASAR_RAKYAT: 'Pasar rakyat', GALERI_DEKRANASDA: 'Galeri Dekranasda', PASAR_PEMERINTAH: 'Pasar milik Pemda', LAINNYA: 'Lainnya' };

/**
 * A new monthly purchase programme, as a regent's instruction sets it: a fixed minimum per grade (SiMadu, Betah) or
 * a share of the TPP allowance with a floor (e-Bakul), the day of the next month reports close, whether only basic
 * needs count, and the markets and galleries where ASN buy. Each refusal stands beside its field.
 */
export function NewAsnProgramme({ pemdaId, open, onCreated }: { pemdaId: string; open: boolean; onCreated: (id: string) => void }) {
  const [, create] = useMutation(CreateProgramme);
  const [rule, setRule] = useState<MinimumRule>('BY_GRADE' as MinimumRule);
  const [outlets, setOutlets] = useState<{ name: string; kind: OutletKind }[]>([{ name: '', kind: 'PASAR_RAKYAT' as OutletKind }]);
  const { setErrors, message: err } = useFieldErrors();
  const [notice, setNotice] = useState<Notice | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const gradeMinimums = Object.fromEntries(Object.keys(SIMADU_MINIMUMS).flatMap((grade) => { const amount = optionalWhole(form.get(grade)); return amount === null ? [] : [[grade, amount]]; }));
    const result = await create({ input: {
      pemdaId,
      name: String(form.get('name') ?? '').trim(),
      startMonth: String(form.get('startMonth') ?? ''),
      minimumRule: rule,
      ...(rule === 'BY_GRADE'
        ? { gradeMinimums }
        : { tppPercent: Number(String(form.get('tppPercent') ?? '').replace(',', '.')), tppFloor: optionalWhole(form.get('tppFloor')) }),
      reportDeadlineDay: optionalWhole(form.get('reportDeadlineDay')),
      basicNeedsOnly: form.get('basicNeedsOnly') === 'on',
      outlets: outlets.filter((o) => o.name.trim()).map((o) => ({ name: o.name.trim(), kind: o.kind })),
    } });
    setErrors(fieldErrorsOf(result.error?.graphQLErrors[0]));
    setNotice(noticeOf(result, `Program "${result.data?.createAsnProgramme.name}" dibuat.`));
    if (result.data) {
      element.reset();
      setOutlets([{ name: '', kind: 'PASAR_RAKYAT' as OutletKind }]);
      onCreated(result.data.createAsnProgramme.id);
    }
  }

  return (
    <details className="card" open={open}>
      <summary>Program baru</summary>
      <form onSubmit={submit} noValidate aria-label="Program baru">
        <NoticeLine notice={notice} />
        <label>Nama program<input name="name" placeholder="Belanja Tiap Hari di Pasar" />{err('name')}</label>
        <label>Mulai bulan<input name="startMonth" type="month" />{err('startMonth')}</label>
        <label>Aturan minimal belanja
          <select value={rule} onChange={(e) => setRule(e.target.value as MinimumRule)}>
            <option value="BY_GRADE">Nominal tetap per jabatan (SiMadu)</option>
            <option value="PERCENT_OF_TPP">Persen dari TPP dengan batas bawah (e-Bakul)</option>
          </select>
        </label>
        {rule === 'BY_GRADE' ? (
          <fieldset>
            <legend>Minimal sebulan per jabatan (kosong: nilai SiMadu)</legend>
            {Object.entries(SIMADU_MINIMUMS).map(([grade, amount]) => (
              <label key={grade}>{GRADE_NAME[grade]} (Rp)<input name={grade} inputMode="numeric" placeholder={rupiah(amount)} /></label>
            ))}
            {err('gradeMinimums')}
          </fieldset>
        ) : (
          <>
            <label>Persen dari TPP<input name="tppPercent" inputMode="decimal" placeholder="10" />{err('tppPercent')}</label>
            <label>Batas bawah (Rp, boleh kosong)<input name="tppFloor" inputMode="numeric" placeholder="300.000" />{err('tppFloor')}</label>
          </>
        )}
        <label>Batas lapor (tanggal di bulan berikutnya, 1-28)<input name="reportDeadlineDay" inputMode="numeric" defaultValue="10" />{err('reportDeadlineDay')}</label>
        <label className="check"><input type="checkbox" name="basicNeedsOnly" /> Hanya belanja kebutuhan pokok yang dihitung</label>
        <fieldset>
          <legend>Gerai tempat ASN berbelanja</legend>
          {outlets.map((outlet, i) => (
            <div className="actions" key={i}>
              <label>Nama gerai {i + 1}<input value={outlet.name} onChange={(e) => setOutlets(outlets.map((o, j) => (j === i ? { ...o, name: e.target.value } : o)))} /></label>
              <label>Jenis gerai {i + 1}
                <select value={outlet.kind} onChange={(e) => setOutlets(outlets.map((o, j) => (j === i ? { ...o, kind: e.target.value as OutletKind } : o)))}>
                  {Object.entries(OUTLET_KIND).map(([kind, name]) => <option key={kind} value={kind}>{name}</option>)}
                </select>
              </label>
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => setOutlets([...outlets, { name: '', kind: 'PASAR_RAKYAT' as OutletKind }])}>Tambah gerai</button>
          {err('outlets')}
        </fieldset>
        <button type="submit">Buat program</button>
      </form>
    </details>
  );
}
