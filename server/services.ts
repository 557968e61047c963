import { AsnOrderService } from './asn/asn-order.service.js';
import { AsnService } from './asn/asn.service.js';
import { AuditService } from './audit/audit.service.js';
import { AwardService } from './award/award.service.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SearchService } from '../search/search.service.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { CategoryService } from './catalogue/category.service.js';
import { ProductService } from './catalogue/product.service.js';
import { TokenService } from './auth/token.js';
import type { AppConfig } from './config.js';
import { IdentityService } from './identity/identity.service.js';
import { OpdService } from './opd/opd.service.js';
import { PemdaService } from './pemda/pemda.service.js';
import { CartService } from './purchasing/cart.service.js';
import { OrderQueries } from './purchasing/order-queries.js';
import { OrderService } from './purchasing/order.service.js';
import { BudgetService } from './spend/budget.service.js';
import { ExternalSpendService } from './spend/external-spend.service.js';
import { RecapService } from './spend/recap.service.js';
import { VendorService } from './vendor/vendor.service.js';

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
  search: SearchService;
  budget: BudgetService;
  externalSpend: ExternalSpendService;
  recap: RecapService;
  asn: AsnService;
  asnOrder: AsnOrderService;
  award: AwardService;
}

export function createServices(config: AppConfig, now: () => Date, em: () => EntityManager): Services {
  const windowMs = config.loginWindowSeconds * 1000;
  const clock = () => now().getTime();
  const audit = new AuditService();
  return {
    identity: new IdentityService(
      new TokenService(config.jwtSecret, config.tokenTtlSeconds, now),
      new LoginThrottle(config.loginMaxAttempts, windowMs, clock),
      // One office's NAT can front many officers: allow an address several accounts' worth of failures.
      new LoginThrottle(config.loginMaxAttempts * 4, windowMs, clock),
    ),
    pemda: new PemdaService(),
    opd: new OpdService(),
    audit,
    vendor: new VendorService(audit),
    category: new CategoryService(),
    product: new ProductService(audit),
    cart: new CartService(),
    order: new OrderService(audit),
    orderQueries: new OrderQueries(),
    search: new SearchService(em, { host: config.meiliHost, apiKey: config.meiliApiKey }),
    budget: new BudgetService(),
    externalSpend: new ExternalSpendService(),
    recap: new RecapService(),
    asn: new AsnService(),
    asnOrder: new AsnOrderService(audit),
    award: new AwardService(),
  };
}
