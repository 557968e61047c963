import type { OpdRecap } from '../../spend/recap.service.js';
import type { AwardPart } from '../award-part.js';
import { AwardComponent } from '../award.entities.js';
import { minMaxScale, rupiah } from '../scales.js';

/** Rupiah through the local catalogue in the period, min-max across the assessable OPDs. */
export const catalogueSpend: AwardPart = {
  component: AwardComponent.CATALOGUE_SPEND,
  prepare({ assessable }) {
    const scale = catalogueSpendScale(assessable);
    return (r) => ({
      raw: r.catalogueTotal,
      normalised: scale.score(r.catalogueTotal),
      explanation: `${rupiah(r.catalogueTotal)} melalui katalog; ${scale.explain(rupiah)}`,
    });
  },
};

/** The scale across OPDs; its range (highest minus lowest rupiah) is what 100 points of this component are worth. */
export const catalogueSpendScale = (assessable: OpdRecap[]) => minMaxScale(assessable.map((r) => ({ opd: r.opd.name, value: r.catalogueTotal })));
