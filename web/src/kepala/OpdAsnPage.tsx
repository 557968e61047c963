import { AsnMonthTable, useProgrammeMonth } from '../asn/AsnMonth';
import { monthName } from '../lib/format';

/**
 * The OPD head's view of the month: each of the OPD's ASN against the minimum for their grade, who has met it and
 * who has not, so the head can remind them before the deadline; each ASN's reports open beside their receipts, to
 * reject one that does not hold up. The month and programme live in the URL.
 */
export function OpdAsnPage({ pemdaId, opdId, opdName, timeZone }: { pemdaId: string; opdId: string; opdName: string; timeZone: string }) {
  const { programmeId, month, picker, none } = useProgrammeMonth(pemdaId, timeZone);
  if (none) return <p>Belum ada program belanja UMKM untuk ASN di Pemda ini.</p>;
  return (
    <>
      <h1>ASN {opdName}: belanja UMKM {monthName(month)}</h1>
      {picker}
      {programmeId && <AsnMonthTable programmeId={programmeId} opdId={opdId} month={month} />}
    </>
  );
}
