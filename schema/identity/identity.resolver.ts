import { Asn } from '../../server/asn/asn.entities.js';
import { Vendor } from '../../server/vendor/vendor.entity.js';
import { seesAccountLinks } from '../../server/auth/scope.js';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ID } from '../../server/ids.js';
import type { RequestContext } from '../../server/context.js';
import { Role, User } from '../../server/identity/user.entity.js';
import { Opd } from '../../server/opd/opd.entity.js';
import { Pemda } from '../../server/pemda/pemda.entity.js';
import type { Row } from '../../server/database/rows.js';
import { AuthPayload, ChangePasswordInput, CreateUserInput, LoginInput, TemporaryPassword } from './identity.types.js';

/** An account as a resolver gets it: a managed entity, or the row authentication read (server/database/rows.ts). */
type UserShown = User | Row<User>;

/** A to-one link of an account, as a row through the request's loader of that kind (one statement per kind). */
const related = <T>(loader: { load(id: string): Promise<T> }, link: { id: string } | null | undefined): Promise<T | null> =>
  link ? loader.load(link.id) : Promise.resolve(null);

@Resolver(() => User)
export class IdentityResolver {
  @Mutation(() => AuthPayload, { description: 'Exchanges email and password for a signed, expiring token.' })
  login(@Arg('input') input: LoginInput, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return ctx.services.identity.login(ctx, input.email, input.password);
  }

  @Authorized()
  @Query(() => User, { description: 'The account the token belongs to.' })
  me(@Ctx() ctx: RequestContext): Promise<User | Row<User>> {
    return ctx.services.identity.me(ctx);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.BPBJ)
  @Query(() => [User], { description: "Accounts of a Pemda (BPBJ: its own), of the roles given, or all." })
  users(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('roles', () => [Role], { nullable: true }) roles: Role[] | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<User[]> {
    return ctx.services.identity.listUsers(ctx, pemdaId, roles);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.BPBJ)
  @Mutation(() => User)
  createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.identity.createUser(ctx, input);
  }

  @Authorized()
  @Mutation(() => AuthPayload, { description: "Sets the caller's password, given the current one. Other sessions end; the answer is a new token." })
  changePassword(@Arg('input') input: ChangePasswordInput, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return ctx.services.identity.changePassword(ctx, input.currentPassword, input.newPassword);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.BPBJ)
  @Mutation(() => User, { description: "Deactivates (its sessions end) or reactivates an OPD officer's account, with the reason on the audit log." })
  setUserActive(
    @Arg('id', () => ID) id: string,
    @Arg('active') active: boolean,
    @Arg('reason') reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<User> {
    return ctx.services.identity.setUserActive(ctx, id, active, reason);
  }

  @Authorized(Role.PLATFORM_ADMIN, Role.BPBJ)
  @Mutation(() => TemporaryPassword, { description: "Gives an OPD officer who forgot their password a temporary one (shown once); their sessions end." })
  resetUserPassword(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<TemporaryPassword> {
    return ctx.services.identity.resetPassword(ctx, id);
  }

  @FieldResolver(() => Pemda, { nullable: true })
  pemda(@Root() user: UserShown, @Ctx() ctx: RequestContext): Promise<Pemda | Row<Pemda> | null> {
    return related(ctx.loaders.pemda, user.pemda);
  }

  @FieldResolver(() => Opd, { nullable: true })
  opd(@Root() user: UserShown, @Ctx() ctx: RequestContext): Promise<Opd | Row<Opd> | null> {
    return related(ctx.loaders.opd, user.opd);
  }

  @FieldResolver(() => Vendor, { nullable: true, description: "The vendor a VENDOR account acts for: the caller's own, or for BPBJ of its Pemda." })
  vendor(@Root() user: UserShown, @Ctx() ctx: RequestContext): Promise<Vendor | Row<Vendor> | null> {
    return seesAccountLinks(ctx.actor, user) ? related(ctx.loaders.vendor, user.vendor) : Promise.resolve(null);
  }

  @FieldResolver(() => Asn, { nullable: true, description: "The civil-servant record of an ASN account (NIP, grade, minimum): the caller's own, or for BPBJ of its Pemda." })
  asn(@Root() user: UserShown, @Ctx() ctx: RequestContext): Promise<Asn | Row<Asn> | null> {
    return seesAccountLinks(ctx.actor, user) ? related(ctx.loaders.asn, user.asn) : Promise.resolve(null);
  }
}
