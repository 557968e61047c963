import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
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
}
