import { Arg, Authorized, Ctx, Field, Float, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ID } from '../../server/ids.js';
import type { RequestContext } from '../../server/context.js';
import { Role } from '../../server/identity/user.entity.js';
import { Pemda, PemdaKind } from '../../server/pemda/pemda.entity.js';
import { Rupiah } from '../../server/money/rupiah.js';

@InputType()
class PemdaTargetsInput {
  @Field(() => Float, { nullable: true })
  localSpendTargetPercent?: number;

  @Field(() => Rupiah, { nullable: true })
  catalogueSpendTarget?: number;

  @Field(() => Int, { nullable: true })
  listedProductsTarget?: number;
}

@InputType()
class CreatePemdaInput extends PemdaTargetsInput {
  @Field()
  name!: string;

  @Field(() => PemdaKind)
  kind!: PemdaKind;

  @Field()
  province!: string;

  @Field()
  kemendagriCode!: string;

  @Field()
  timeZone!: string;
}

@InputType({ description: 'A correction of a registered Pemda: each field left out stays as it is.' })
class UpdatePemdaInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => PemdaKind, { nullable: true })
  kind?: PemdaKind;

  @Field({ nullable: true })
  province?: string;

  @Field({ nullable: true, description: 'Only while the Pemda has no order, recorded spend or ASN programme.' })
  kemendagriCode?: string;

  @Field({ nullable: true, description: 'Only while the Pemda has no order, recorded spend or ASN programme.' })
  timeZone?: string;

  @Field({ description: 'Why, for the audit log.' })
  reason!: string;
}

@Resolver(() => Pemda)
export class PemdaResolver {
  @Query(() => [Pemda], { description: 'Every Pemda on the platform (public).' })
  pemdas(@Ctx() ctx: RequestContext): Promise<Pemda[]> {
    return ctx.services.pemda.list(ctx);
  }

  @Query(() => Pemda, { description: 'One Pemda and its targets (public).' })
  pemda(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Pemda> {
    return ctx.services.pemda.get(ctx, id);
  }

  @Authorized(Role.PLATFORM_ADMIN)
  @Mutation(() => Pemda)
  createPemda(@Arg('input') input: CreatePemdaInput, @Ctx() ctx: RequestContext): Promise<Pemda> {
    return ctx.services.pemda.create(ctx, input);
  }

  @Authorized(Role.PLATFORM_ADMIN)
  @Mutation(() => Pemda, { description: "Corrects a Pemda's name, kind, province, Kemendagri code or time zone, with the reason (audit log)." })
  updatePemda(@Arg('id', () => ID) id: string, @Arg('input') input: UpdatePemdaInput, @Ctx() ctx: RequestContext): Promise<Pemda> {
    return ctx.services.pemda.updateIdentity(ctx, id, input);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.BPBJ)
  @Mutation(() => Pemda, { description: "Sets a Pemda's targets (BPBJ: its own Pemda)." })
  updatePemdaTargets(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: PemdaTargetsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Pemda> {
    return ctx.services.pemda.updateTargets(ctx, id, input);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => Pemda, { description: "The repeat-vendor rule (BPBJ: its own Pemda): after `limit` orders by one OPD from one vendor within `windowDays`, the next order to that vendor carries a REPEAT_VENDOR warning. 0 turns it off." })
  setRepeatVendorRule(@Arg('id', () => ID) id: string, @Arg('limit', () => Int) limit: number, @Arg('windowDays', () => Int) windowDays: number, @Ctx() ctx: RequestContext): Promise<Pemda> {
    return ctx.services.pemda.setRepeatVendorRule(ctx, id, limit, windowDays);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.BPBJ)
  @Mutation(() => Pemda, { description: 'How order documents are numbered, e.g. "{JENIS}/{NOMOR}/{OPD}/{TAHUN}" (BPBJ: its own Pemda).' })
  setDocumentNumberPattern(@Arg('id', () => ID) id: string, @Arg('pattern') pattern: string, @Ctx() ctx: RequestContext): Promise<Pemda> {
    return ctx.services.pemda.setDocumentNumberPattern(ctx, id, pattern);
  }
}
