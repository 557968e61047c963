import { toDecimal, ZERO } from '../../exact.js';
import type { AwardPart } from '../award-part.js';
import { AwardComponent } from '../award.entities.js';

/** The ASN programme's average monthly compliance over the months already due: already 0-100. */
export const asnCompliance: AwardPart = {
  component: AwardComponent.ASN_COMPLIANCE,
  prepare({ asn }) {
    return (r) => {
      const rate = asn?.rates.get(r.opd.id) ?? null;
      return { raw: rate ? toDecimal(rate, 3) : null, normalised: rate ?? ZERO, explanation: asn ? asn.explain(r.opd.id) : 'tidak ada program ASN yang dinilai' };
    };
  },
};
