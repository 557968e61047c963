import type { ReactNode } from 'react';
import { percent, rupiah, STATUS_LABEL } from './format';

export interface OpdShareRow {
  rank?: number | null;
  status: string;
  budget: number;
  realisedUmkk: number;
  umkkShareOfBudget?: number | null;
  opd: { id: string; name: string };
}

/** Every OPD's UMK-K share of its budget, ranked, as the public page and the BPBJ dashboard both show it. */
export function OpdShareTable({ rows, name = (row) => row.opd.name }: { rows: OpdShareRow[]; name?: (row: OpdShareRow) => ReactNode }) {
  return (
    <table>
      <thead>
        <tr><th>Peringkat</th><th>OPD</th><th className="num">Pagu</th><th className="num">Realisasi UMK-K</th><th className="num">% pagu</th><th>Status</th></tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <tr key={o.opd.id}>
            <td>{o.rank ?? '-'}</td>
            <td>{name(o)}</td>
            <td className="num">{rupiah(o.budget)}</td>
            <td className="num">{rupiah(o.realisedUmkk)}</td>
            <td className="num">{percent(o.umkkShareOfBudget)}</td>
            <td><span className={`badge ${o.status}`}>{STATUS_LABEL[o.status]}</span></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
