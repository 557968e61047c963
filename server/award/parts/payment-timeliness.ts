import { compare, ratio, toDecimal, ZERO } from '../../exact.js';
import { decimal } from '../../reports/indonesian.js';
import type { AwardPart } from '../award-part.js';
import { AwardComponent } from '../award.entities.js';
import { timelinessScore } from '../scales.js';

/** Median days from BAST to payment (unpaid BASTs aged), on a fixed scale against the payment term. Late is punished. */
export const paymentTimeliness: AwardPart = {
  component: AwardComponent.PAYMENT_TIMELINESS,
  prepare({ paymentDelays, config, asOf }) {
    const term = config.maxMedianPaymentDays;
    return (r) => {
      const pay = paymentDelays.get(r.opd.id);
      if (!pay) return { raw: null, normalised: ZERO, explanation: 'belum ada BAST atau pembayaran pada periode ini' };
      return {
        raw: toDecimal(pay.median, 1),
        normalised: timelinessScore(pay.median, term),
        explanation:
          `median ${decimal(toDecimal(pay.median, 1))} hari dari BAST ke pembayaran atas ${pay.paid} pembayaran dan ${pay.unpaid} BAST belum dibayar ` +
          `(dihitung umurnya per ${asOf}), hari: ${pay.days}; 100 bila dibayar hari itu juga, 50 pada batas ${term} hari, 0 pada ${2 * term} hari`,
        flag: compare(pay.median, ratio(term)) > 0 ? `Pembayaran terlambat: median ${decimal(toDecimal(pay.median, 1))} hari (batas ${term})` : null,
      };
    };
  },
};
