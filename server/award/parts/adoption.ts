import { ratio, toDecimal, ZERO } from '../../exact.js';
import type { AwardPart } from '../award-part.js';
import { AwardComponent } from '../award.entities.js';
import { rupiah } from '../scales.js';

/** The share of realised spend that went through the catalogue: already 0-100. */
export const adoption: AwardPart = {
  component: AwardComponent.ADOPTION,
  prepare() {
    return (r) => {
      const share = r.realisedTotal > 0 ? ratio(BigInt(r.catalogueTotal) * 100n, r.realisedTotal) : ZERO;
      return { raw: toDecimal(share, 2), normalised: share, explanation: `${rupiah(r.catalogueTotal)} dari ${rupiah(r.realisedTotal)} realisasi melalui katalog` };
    };
  },
};
