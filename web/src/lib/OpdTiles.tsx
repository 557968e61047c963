import { percent, rupiah, STATUS_LABEL } from './format';

export type OpdRecapRow = {
  plannedUmkk: number; plannedUmkkShare?: number | null; allocatedUmkk: number; allocatedUmkkShare?: number | null;
  realisedUmkk: number; umkkShareOfBudget?: number | null; shortfall: number; catalogueTotal: number; externalTotal: number; status: keyof typeof STATUS_LABEL;
};

/** An OPD against the target (Inpres 2/2022): planned, allocated and realised UMK-K shares, and what is still needed. */
export function OpdTiles({ row }: { row: OpdRecapRow }) {
  return (
    <div className="tiles">
      <div className="tile"><span>Direncanakan (RUP)</span><strong>{percent(row.plannedUmkkShare)}</strong><small>{rupiah(row.plannedUmkk)}</small></div>
      <div className="tile"><span>Dialokasikan</span><strong>{percent(row.allocatedUmkkShare)}</strong><small>{rupiah(row.allocatedUmkk)}</small></div>
      <div className="tile"><span>Direalisasikan</span><strong data-testid="opd-share">{percent(row.umkkShareOfBudget)}</strong><small>{rupiah(row.realisedUmkk)} · {STATUS_LABEL[row.status]}</small></div>
      <div className="tile"><span>Masih perlu</span><strong>{rupiah(row.shortfall)}</strong><small>katalog {rupiah(row.catalogueTotal)} · luar katalog {rupiah(row.externalTotal)}</small></div>
    </div>
  );
}
