import type { Ratio } from '../exact.js';
import type { PaymentDelays } from '../purchasing/payment-delays.js';
import type { OpdRecap, SpendRecap } from '../spend/recap.service.js';
import type { AwardComponent, AwardConfig } from './award.entities.js';

/** What every part reads, gathered once per computation through the owning domains' read functions. */
export interface AwardInputs {
  config: AwardConfig;
  /** The spend recap of the period: budgets, realised, UMK-K and catalogue spend, transactions per OPD. */
  recap: SpendRecap;
  /** The OPDs with a budget for the year: the ones the award compares. */
  assessable: OpdRecap[];
  /** Months in the period (a quarter is measured against 3/12 of the year's budget). */
  months: number;
  /** The day unpaid BASTs are aged to: the period's last day, or today while it runs. */
  asOf: string;
  paymentDelays: Map<string, PaymentDelays>;
  /** The ASN programme's compliance per OPD, when the config names a programme. */
  asn: { rates: Map<string, Ratio>; explain(opdId: string): string } | null;
}

/** One component's figures for one OPD. */
export interface PartScore {
  /** The input as a person reads it (rupiah, a percent, a count, days), or null where there is none. */
  raw: number | null;
  /** 0-100, exact: the weight multiplies this. */
  normalised: Ratio;
  explanation: string;
  /** A punishment line this component draws for the OPD, if any. */
  flag?: string | null;
}

/**
 * A component of the E-Purchasing Award. `prepare` sees every OPD once (to set min-max ends, say) and returns how to
 * score one. Adding a component: one file in `parts/`, its entry in `AWARD_PARTS`, its enum value and default weight.
 */
export interface AwardPart {
  component: AwardComponent;
  prepare(inputs: AwardInputs): (opd: OpdRecap) => PartScore;
}
