import type { AwardPart } from '../award-part.js';
import { AwardComponent } from '../award.entities.js';
import { minMaxScale } from '../scales.js';

/** Catalogue orders counted in the period, min-max. None at all is punished. */
export const transactions: AwardPart = {
  component: AwardComponent.TRANSACTIONS,
  prepare({ assessable }) {
    const scale = minMaxScale(assessable.map((r) => ({ opd: r.opd.name, value: r.catalogueTransactions })));
    return (r) => ({
      raw: r.catalogueTransactions,
      normalised: scale.score(r.catalogueTransactions),
      explanation: `${r.catalogueTransactions} transaksi katalog; ${scale.explain(String)}`,
      flag: r.catalogueTransactions === 0 ? 'Tidak ada transaksi melalui katalog pada periode ini' : null,
    });
  },
};
