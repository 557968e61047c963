import { Arg, Authorized, Ctx, Field, FieldResolver, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ID } from '../../server/ids.js';
import type { RequestContext } from '../../server/context.js';
import { Role, User } from '../../server/identity/user.entity.js';
import { Opd } from '../../server/opd/opd.entity.js';
import { Pemda } from '../../server/pemda/pemda.entity.js';
import type { Row } from '../../server/database/rows.js';
import { RegistryImportResult } from '../catalogue/product.types.js';

@InputType()
class CreateOpdInput {
  @Field(() => ID)
  pemdaId!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field()
  shortName!: string;
}

@InputType()
class UpdateOpdInput {
  @Field({ nullable: true })
  code?: string;

  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  shortName?: string;

  @Field({ nullable: true })
  active?: boolean;
}

@Resolver(() => Opd)
export class OpdResolver {
  @Authorized()
  @Query(() => [Opd], { description: "The OPDs of the caller's Pemda; a platform admin names the Pemda." })
  opds(@Arg('pemdaId', () => ID, { nullable: true }) pemdaId: string | undefined, @Ctx() ctx: RequestContext): Promise<Opd[]> {
    return ctx.services.opd.list(ctx, pemdaId);
  }

  @Authorized()
  @Query(() => Opd)
  opd(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Opd> {
    return ctx.services.opd.get(ctx, id);
  }

  @Authorized(Role.PP, Role.PPK, Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => [User], { description: "The active PPKs of an OPD (default: the caller's): the choice for createOrder's ppkId." })
  ppks(@Arg('opdId', () => ID, { nullable: true }) opdId: string | undefined, @Ctx() ctx: RequestContext): Promise<User[]> {
    return ctx.services.opd.ppks(ctx, opdId);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.BPBJ)
  @Mutation(() => Opd)
  createOpd(@Arg('input') input: CreateOpdInput, @Ctx() ctx: RequestContext): Promise<Opd> {
    return ctx.services.opd.create(ctx, input.pemdaId, input);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.BPBJ)
  @Mutation(() => RegistryImportResult, { description: "The Pemda's OPDs from a file (code, name, short_name): a known code renamed, a new one added; all rows or none." })
  importOpds(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('csv', () => String, { nullable: true }) csv: string | undefined,
    @Arg('xlsxBase64', () => String, { nullable: true, description: 'An Excel workbook (.xlsx) as base64 instead of csv: its first sheet.' }) xlsxBase64: string | undefined,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistryImportResult> {
    return ctx.services.opd.importOpds(ctx, pemdaId, { csv, xlsxBase64 }, dryRun);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.BPBJ)
  @Mutation(() => Opd)
  updateOpd(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateOpdInput, @Ctx() ctx: RequestContext): Promise<Opd> {
    return ctx.services.opd.update(ctx, id, input);
  }

  /** An OPD comes as an entity or as a row (the spend recap's); either way its Pemda through the request's loader. */
  @FieldResolver(() => Pemda)
  pemda(@Root() opd: Opd | Row<Opd>, @Ctx() ctx: RequestContext): Promise<Pemda | Row<Pemda>> {
    return ctx.loaders.pemda.load(opd.pemda.id);
  }
}
