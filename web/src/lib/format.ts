/** How people in a Pemda read figures: one definition with the server's reports (server/reports/indonesian.ts). */
export { rupiah, percent, monthName, dateName, dateTime, STATUS_LABEL, ORDER_STATUS } from '../../../server/reports/indonesian.js';
