/** What a bulk import (products, outside spend, ASN registries) does with a file that has bad rows. */
export enum ImportPolicy {
  /** Any bad row rejects the whole import: nothing is written. */
  REJECT_ALL = 'REJECT_ALL',
  /** Good rows are imported, bad rows are reported and skipped. */
  REJECT_FAILED = 'REJECT_FAILED',
}
