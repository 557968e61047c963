import type { ReactNode } from 'react';
import { monthName, percent, rupiah } from '../lib/format';

export type OpdAsnRow = {
  opd: { id: string; name: string };
  asnCount: number; metCount: number; exemptCount: number; due: boolean; complianceRate?: number | null; totalCounted: number; rank?: number | null;
  topOutlets: { name: string }[];
};

/**
 * A programme's month, OPD by OPD: how many ASN met the minimum for their grade, the share (none before the
 * reporting deadline), what counted and where it was spent. BPBJ opens an OPD from its name (`name`); the public
 * page shows the same aggregates, never a person.
 */
export function OpdAsnRanking({ rows, month, name = (row) => row.opd.name }: { rows: OpdAsnRow[]; month: string; name?: (row: OpdAsnRow) => ReactNode }) {
  return (
    <table data-testid="opd-asn-ranking">
      <thead><tr><th className="num">Peringkat</th><th>OPD</th><th className="num">ASN</th><th className="num">Memenuhi</th><th className="num">Kepatuhan</th><th className="num">Dihitung</th><th>Gerai teratas</th></tr></thead>
      <tbody>
        {rows.length === 0 && <tr><td colSpan={7}>Belum ada ASN terdaftar pada program ini untuk {monthName(month)}.</td></tr>}
        {rows.map((o) => (
          <tr key={o.opd.id}>
            <td className="num">{o.rank ?? '-'}</td>
            <td>{name(o)}</td>
            <td className="num">{o.asnCount}</td>
            <td className="num">{o.metCount}{o.exemptCount > 0 && <small> (+{o.exemptCount} cuti)</small>}</td>
            <td className="num">{o.due && o.complianceRate != null ? percent(o.complianceRate) : 'belum jatuh tempo'}</td>
            <td className="num">{rupiah(o.totalCounted)}</td>
            <td>{o.topOutlets.map((t) => t.name).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
