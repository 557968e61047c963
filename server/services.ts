import { randomBytes } from 'node:crypto';
import { AsnMonitoringService } from './asn/asn-monitoring.service.js';
import { AsnOrderService } from './asn/asn-order.service.js';
import { AsnService } from './asn/asn.service.js';
import { AuditService } from './audit/audit.service.js';
import { AwardService } from './award/award.service.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SearchService } from '../search/search.service.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { RateLimits } from './http/rate-limits.js';
import { CategoryService } from './catalogue/category.service.js';
import { ProductService } from './catalogue/product.service.js';
import { TokenService } from './auth/token.js';
import type { AppConfig } from './config.js';
import { OrderDocumentService } from './documents/order-documents.js';
import { HolidayService } from './calendar/holidays.js';
import { NotificationService } from './notifications/notification.service.js';
import { IdentityService } from './identity/identity.service.js';
import { OpdService } from './opd/opd.service.js';
import { PemdaService } from './pemda/pemda.service.js';
import { CartService } from './purchasing/cart.service.js';
import { OrderQueries } from './purchasing/order-queries.js';
import { OrderService } from './purchasing/order.service.js';
import { BudgetService } from './spend/budget.service.js';
import { ClosedPeriodService } from './spend/closed-periods.js';
import { ExternalSpendService } from './spend/external-spend.service.js';
import { RecapService } from './spend/recap.service.js';
import { VendorService } from './vendor/vendor.service.js';
import { ExportJobService } from './reports/export-jobs.js';
import { fileStoreFor } from './uploads/file-store.js';
import { UploadService } from './uploads/upload.service.js';

/** The domain services, built once per process. They hold no request state: each method takes the context. */
export interface Services {
  identity: IdentityService;
  pemda: PemdaService;
  opd: OpdService;
  audit: AuditService;
  vendor: VendorService;
  category: CategoryService;
  product: ProductService;
  cart: CartService;
  order: OrderService;
  orderQueries: OrderQueries;
  exportJobs: ExportJobService;
  orderDocuments: OrderDocumentService;
  holidays: HolidayService;
  notifications: NotificationService;
  search: SearchService;
  budget: BudgetService;
  closedPeriods: ClosedPeriodService;
  externalSpend: ExternalSpendService;
  recap: RecapService;
  asn: AsnService;
  asnMonitoring: AsnMonitoringService;
  asnOrder: AsnOrderService;
  award: AwardService;
  rateLimits: RateLimits;
  uploads: UploadService;
}

export function createServices(config: AppConfig, now: () => Date, em: () => EntityManager): Services {
  const audit = new AuditService();
  const orderQueries = new OrderQueries();
  return {
    identity: new IdentityService(
      // Without a configured secret (tests), tokens are signed with one made for this process alone.
      new TokenService(config.jwtSecret ?? randomBytes(48).toString('base64url'), config.tokenTtlSeconds, now),
      new LoginThrottle(config.loginMaxAttempts, config.loginWindowSeconds * 1000),
      audit,
    ),
    pemda: new PemdaService(audit),
    opd: new OpdService(),
    audit,
    vendor: new VendorService(audit),
    category: new CategoryService(),
    product: new ProductService(audit),
    cart: new CartService(),
    order: new OrderService(audit),
    orderQueries,
    exportJobs: new ExportJobService(orderQueries),
    orderDocuments: new OrderDocumentService(),
    holidays: new HolidayService(),
    notifications: new NotificationService(),
    search: new SearchService(em, { host: config.meiliHost, apiKey: config.meiliApiKey }),
    budget: new BudgetService(),
    closedPeriods: new ClosedPeriodService(audit),
    externalSpend: new ExternalSpendService(audit),
    recap: new RecapService(),
    asn: new AsnService(),
    asnMonitoring: new AsnMonitoringService(),
    asnOrder: new AsnOrderService(audit),
    award: new AwardService(),
    rateLimits: new RateLimits(() => em().getConnection(), config.rateLimits, config.uploadDailyBytes),
    uploads: new UploadService(fileStoreFor(config), config.uploadMaxBytes),
  };
}
