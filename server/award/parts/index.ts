import type { AwardPart } from '../award-part.js';
import { adoption } from './adoption.js';
import { asnCompliance } from './asn-compliance.js';
import { catalogueSpend } from './catalogue-spend.js';
import { paymentTimeliness } from './payment-timeliness.js';
import { transactions } from './transactions.js';
import { umkkShare } from './umkk-share.js';

/** The award's components, in the order they are shown. The service iterates this list; nothing else names them. */
export const AWARD_PARTS: readonly AwardPart[] = [catalogueSpend, umkkShare, transactions, adoption, paymentTimeliness, asnCompliance];
