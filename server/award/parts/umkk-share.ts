import { compare, div, fromDecimal, HUNDRED, min, mul, toDecimal } from '../../exact.js';
import { decimal } from '../../reports/indonesian.js';
import type { AwardPart } from '../award-part.js';
import { AwardComponent } from '../award.entities.js';
import { subYear, umkkShareOfPeriodBudget } from '../scales.js';

/** UMK-K share of the period's budget against the target (40%): share / target x 100, capped at 100. Punished below the minimum. */
export const umkkShare: AwardPart = {
  component: AwardComponent.UMKK_SHARE,
  prepare({ recap, months, config }) {
    const target = fromDecimal(recap.targetPercent, 2);
    return (r) => {
      const share = umkkShareOfPeriodBudget(r.realisedUmkk, r.budget, months);
      return {
        raw: toDecimal(share, 2),
        normalised: min(HUNDRED, mul(div(share, target), HUNDRED)),
        explanation: `${decimal(toDecimal(share, 2))}% dari pagu${subYear(months)}, target ${decimal(recap.targetPercent)}%: porsi / target x 100, maksimal 100`,
        flag: compare(share, fromDecimal(config.minUmkkSharePercent)) < 0 ? `Porsi UMK-K ${decimal(toDecimal(share, 2))}% di bawah batas ${decimal(config.minUmkkSharePercent)}%${subYear(months)}` : null,
      };
    };
  },
};
