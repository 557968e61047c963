import { SearchOutboxEntry, SearchSynonym, SearchVocabularyWord, SearchableProduct, SearchFacetCount } from '../../search/search.entities.js';
import { Asn, AsnOrder, AsnProgramme, AsnPurchaseReport, Outlet } from '../asn/asn.entities.js';
import { AuditLog } from '../audit/audit-log.entity.js';
import { LoginThrottleCounter } from '../auth/login-throttle.entity.js';
import { RateLimitAllowance } from '../http/rate-limit.entity.js';
import { AwardResult } from '../award/award.entities.js';
import { DocumentCounter, OrderDocument } from '../documents/order-document.entity.js';
import { Holiday } from '../calendar/holiday.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { JobSchedule } from '../jobs/job-schedule.entity.js';
import { Category } from '../catalogue/category.entity.js';
import { CatalogueVersion } from '../catalogue/catalogue-version.entity.js';
import { Product } from '../catalogue/product.entity.js';
import { User } from '../identity/user.entity.js';
import { Opd } from '../opd/opd.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { CartItem } from '../purchasing/cart-item.entity.js';
import { Order, OrderLine, Payment } from '../purchasing/order.entity.js';
import { PaymentDelayRollup } from '../purchasing/payment-delays.js';
import { IdempotencyRecord } from '../transactions/idempotency-record.entity.js';
import { ExternalSpend, OpdBudget, SpendRollup, VendorSpendRollup } from '../spend/spend.entities.js';
import { SplitFlagGroup, SplitFlagYear } from '../insight/split-flag.entities.js';
import { Vendor } from '../vendor/vendor.entity.js';
import { ExportJob } from '../reports/export-job.entity.js';

import { Upload } from '../uploads/upload.entity.js';
import { VendorDocument } from '../vendor/vendor-document.entity.js';

/** Every entity, listed explicitly so discovery works the same under ts-jest and from dist/. */
export const entities = [Pemda, Opd, User, Vendor, Category, Product, CatalogueVersion, AuditLog, Order, OrderLine, Payment, PaymentDelayRollup, CartItem, IdempotencyRecord, SearchSynonym, SearchOutboxEntry, SearchVocabularyWord, SearchableProduct, SearchFacetCount, OpdBudget, ExternalSpend, SpendRollup, VendorSpendRollup, AsnProgramme, Outlet, Asn, AsnPurchaseReport, AsnOrder, AwardResult, LoginThrottleCounter, RateLimitAllowance, OrderDocument, DocumentCounter, Holiday, Notification, JobSchedule, SplitFlagGroup, SplitFlagYear, ExportJob, Upload, VendorDocument];
