import { HolidayResolver } from './calendar/holiday.resolver.js';
import { ExportJobResolver } from './reports/export-job.resolver.js';
import { NotificationResolver } from './notifications/notification.resolver.js';
import { InsightResolver } from './insight/insight.resolver.js';
import { OpenDataResolver } from './opendata/opendata.resolver.js';
import { OrderDocumentResolver } from './documents/order-document.resolver.js';
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AsnOrderResolver, AsnRegistryResolver, AsnReportResolver, AsnResolver } from './asn/asn.resolver.js';
import { AuditResolver } from './audit/audit.resolver.js';
import { AwardResolver } from './award/award.resolver.js';
import { authChecker } from './auth-checker.js';
import { CategoryResolver } from './catalogue/category.resolver.js';
import { CurationResolver } from './catalogue/curation.resolver.js';
import { ProductResolver } from './catalogue/product.resolver.js';
import { IdentityResolver } from './identity/identity.resolver.js';
import { OpdResolver } from './opd/opd.resolver.js';
import { PemdaResolver } from './pemda/pemda.resolver.js';
import { SearchResolver } from './search/search.resolver.js';
import { OpdSpendRecapResolver, SpendResolver } from './spend/spend.resolver.js';
import { CartItemResolver, OrderLineResolver, OrderResolver } from './purchasing/order.resolver.js';
import { VendorResolver } from './vendor/vendor.resolver.js';

export const resolvers = [IdentityResolver, PemdaResolver, OpdResolver, VendorResolver, CategoryResolver, CurationResolver, ProductResolver, AuditResolver, OrderResolver, CartItemResolver, OrderLineResolver, SearchResolver, SpendResolver, OpdSpendRecapResolver, AsnResolver, AsnRegistryResolver, AsnOrderResolver, AsnReportResolver, AwardResolver, OrderDocumentResolver, HolidayResolver, NotificationResolver, InsightResolver, OpenDataResolver, ExportJobResolver] as const;

export function buildAppSchema(): Promise<GraphQLSchema> {
  // Input rules live in the services (one place for GraphQL, CSV imports and seeds), so class-validator stays off.
  return buildSchema({ resolvers, authChecker, validate: false });
}
