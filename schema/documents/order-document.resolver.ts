import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context.js';
import { OrderDocument, OrderDocumentKind } from '../../server/documents/order-document.entity.js';
import { Role } from '../../server/identity/user.entity.js';
import { ID } from '../../server/ids.js';
import { ExportFile } from '../../server/reports/report.js';

const PARTIES = [Role.PP, Role.PPK, Role.VENDOR, Role.BPBJ, Role.PLATFORM_ADMIN];

@Resolver(() => OrderDocument)
export class OrderDocumentResolver {
  @Authorized(...PARTIES)
  @Query(() => [OrderDocument], { description: 'The surat pesanan and BAST issued for an order, oldest first: for its OPD, its vendor and its BPBJ.' })
  orderDocuments(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: RequestContext): Promise<OrderDocument[]> {
    return ctx.services.orderDocuments.list(ctx, orderId);
  }

  @Authorized(...PARTIES)
  @Query(() => ExportFile, { description: 'An issued document as the PDF on record (its SHA-256 is `OrderDocument.sha256`).' })
  orderDocumentFile(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ExportFile> {
    return ctx.services.orderDocuments.file(ctx, id);
  }

  @Authorized(Role.PP, Role.BPBJ)
  @Mutation(() => OrderDocument, { description: 'Issues a new numbered document from the order as it stands, naming the one it replaces (which is kept). Reason required.' })
  reissueOrderDocument(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('kind', () => OrderDocumentKind) kind: OrderDocumentKind,
    @Arg('reason') reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<OrderDocument> {
    return ctx.services.orderDocuments.reissue(ctx, orderId, kind, reason);
  }
}
