/** How people in a Pemda read figures and codes: one definition with the server's reports (server/reports/indonesian.ts). */
import { percent } from '../../../server/reports/indonesian.js';

export { rupiah, percent, monthName, dateName, dateTime, label, STATUS_LABEL, ORDER_STATUS, NEGOTIATION_STATUS, PAYMENT_METHOD, PRODUCT_STATUS, VENDOR_STATUS, BUSINESS_SCALE, auditAction, auditStatus, actorName, ROLE_NAME, ASN_MONTH_STATUS, ASN_REPORT_STATUS, EXPORT_JOB_STATUS, AUDIT_SUBJECT } from '../../../server/reports/indonesian.js';

/** A yes-or-no field as a form reads it. */
export const yesNo = (b: boolean) => (b ? 'ya' : 'tidak');

/** A product's local content as buyers read it: "PDN, TKDN 63,58%", "PDN" or "Bukan PDN". */
export const localContent = (isPdn: boolean, tkdnPercent: number | null | undefined) =>
  (isPdn ? `PDN${tkdnPercent != null ? `, TKDN ${percent(tkdnPercent)}` : ''}` : 'Bukan PDN');

/** An instant's date, and today's, in the Pemda's calendar (YYYY-MM-DD), as date inputs want it. */
export const localDateOf = (instant: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(instant);
export const localToday = (timeZone: string) => localDateOf(new Date(), timeZone);
