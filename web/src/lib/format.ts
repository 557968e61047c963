/** How people in a Pemda read figures and codes: one definition with the server's reports (server/reports/indonesian.ts). */
export { rupiah, percent, monthName, dateName, dateTime, label, STATUS_LABEL, ORDER_STATUS, NEGOTIATION_STATUS, PAYMENT_METHOD, PRODUCT_STATUS, VENDOR_STATUS, BUSINESS_SCALE, ASN_MONTH_STATUS, ASN_REPORT_STATUS } from '../../../server/reports/indonesian.js';

/** Today in the Pemda's calendar (YYYY-MM-DD), as date inputs want it. */
export const localToday = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
