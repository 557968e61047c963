import { Arg, Authorized, Ctx, Field, FieldResolver, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ID } from '../../server/ids.js';
import type { RequestContext } from '../../server/context.js';
import { Role, User } from '../../server/identity/user.entity.js';
import { Opd } from '../../server/opd/opd.entity.js';
import { Pemda } from '../../server/pemda/pemda.entity.js';
import type { Row } from '../../server/database/rows.js';

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
