import { Arg, Authorized, Ctx, Field, FieldResolver, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ID } from '../../server/ids.js';
import { Category } from '../../server/catalogue/category.entity.js';
import type { RequestContext } from '../../server/context.js';
import type { Row } from '../../server/database/rows.js';
import { Role } from '../../server/identity/user.entity.js';
import { Reads } from '../projection.js';

@InputType()
class CreateCategoryInput {
  @Field(() => ID)
  pemdaId!: string;

  @Field(() => ID, { nullable: true, description: 'Empty for a root category.' })
  parentId?: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field({ nullable: true })
  kbkiCode?: string;

  @Field({ nullable: true, description: 'Defaults to the parent\'s flag.' })
  basicNeeds?: boolean;
}

@InputType()
class UpdateCategoryInput {
  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  kbkiCode?: string;

  @Field({ nullable: true })
  basicNeeds?: boolean;
}

@Resolver(() => Category)
export class CategoryResolver {
  @Query(() => [Category], { description: "The Pemda's category tree: its root categories, each with `children` (public)." })
  async categories(@Arg('pemdaId', () => ID) pemdaId: string, @Ctx() ctx: RequestContext): Promise<Category[]> {
    const all = await ctx.loaders.categoriesOfPemda.load(pemdaId);
    return all.filter((c) => !c.parent);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => Category)
  createCategory(@Arg('input') input: CreateCategoryInput, @Ctx() ctx: RequestContext): Promise<Category> {
    return ctx.services.category.create(ctx, input);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => Category)
  updateCategory(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateCategoryInput, @Ctx() ctx: RequestContext): Promise<Category> {
    return ctx.services.category.update(ctx, id, input);
  }

  @FieldResolver(() => [Category])
  @Reads('id', 'pemda')
  async children(@Root() category: Category | Row<Category>, @Ctx() ctx: RequestContext): Promise<Category[]> {
    const all = await ctx.loaders.categoriesOfPemda.load(category.pemda.id);
    return all.filter((c) => c.parent?.id === category.id);
  }

  @FieldResolver(() => Boolean, { description: 'Products can only be listed on a leaf.' })
  @Reads('id', 'pemda')
  async isLeaf(@Root() category: Category | Row<Category>, @Ctx() ctx: RequestContext): Promise<boolean> {
    const all = await ctx.loaders.categoriesOfPemda.load(category.pemda.id);
    return !all.some((c) => c.parent?.id === category.id);
  }

  @FieldResolver(() => ID, { nullable: true })
  @Reads('parent')
  parentId(@Root() category: Category | Row<Category>): string | null {
    return category.parent?.id ?? null;
  }
}
