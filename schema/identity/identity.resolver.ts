import { Asn } from '../../server/asn/asn.entities.js';
import { Vendor } from '../../server/vendor/vendor.entity.js';
import { seesAccountLinks } from '../../server/auth/scope.js';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ID } from '../../server/ids.js';
import type { RequestContext } from '../../server/context.js';
import { Role, User } from '../../server/identity/user.entity.js';
import { Opd } from '../../server/opd/opd.entity.js';
import { Pemda } from '../../server/pemda/pemda.entity.js';
import { AuthPayload, CreateUserInput, LoginInput } from './identity.types.js';

@Resolver(() => User)
export class IdentityResolver {
  @Mutation(() => AuthPayload, { description: 'Exchanges email and password for a signed, expiring token.' })
  login(@Arg('input') input: LoginInput, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return ctx.services.identity.login(ctx, input.email, input.password);
  }

  @Authorized()
  @Query(() => User, { description: 'The account the token belongs to.' })
  me(@Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.identity.me(ctx);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.BPBJ)
  @Query(() => [User], { description: "Accounts of a Pemda (BPBJ: its own)." })
  users(@Arg('pemdaId', () => ID) pemdaId: string, @Ctx() ctx: RequestContext): Promise<User[]> {
    return ctx.services.identity.listUsers(ctx, pemdaId);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.BPBJ)
  @Mutation(() => User)
  createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.identity.createUser(ctx, input);
  }

  @FieldResolver(() => Pemda, { nullable: true })
  pemda(@Root() user: User): Promise<Pemda | null> {
    return user.pemda ? user.pemda.load() : Promise.resolve(null);
  }

  @FieldResolver(() => Opd, { nullable: true })
  opd(@Root() user: User): Promise<Opd | null> {
    return user.opd ? user.opd.load() : Promise.resolve(null);
  }

  @FieldResolver(() => Vendor, { nullable: true, description: "The vendor a VENDOR account acts for: the caller's own, or for BPBJ of its Pemda." })
  vendor(@Root() user: User, @Ctx() ctx: RequestContext): Promise<Vendor | null> {
    return user.vendor && seesAccountLinks(ctx.actor, user) ? user.vendor.load() : Promise.resolve(null);
  }

  @FieldResolver(() => Asn, { nullable: true, description: "The civil-servant record of an ASN account (NIP, grade, minimum): the caller's own, or for BPBJ of its Pemda." })
  asn(@Root() user: User, @Ctx() ctx: RequestContext): Promise<Asn | null> {
    return user.asn && seesAccountLinks(ctx.actor, user) ? user.asn.load() : Promise.resolve(null);
  }
}
