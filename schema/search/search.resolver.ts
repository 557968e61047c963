import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Field, Float, Info, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { ID } from '../../server/ids.js';
import { Product } from '../../server/catalogue/product.entity.js';
import type { Row } from '../../server/database/rows.js';
import type { RequestContext } from '../../server/context.js';
import { Role } from '../../server/identity/user.entity.js';
import { SearchSort } from '../../search/port.js';
import { SearchSynonym } from '../../search/search.entities.js';
import { CatalogueFilterInput } from '../catalogue/catalogue-filter.js';
import { PageInfo } from '../pagination.js';
import { projectionOf } from '../projection.js';

registerEnumType(SearchSort, { name: 'SearchSort', description: 'RELEVANCE is the default when there is a query, NEWEST otherwise.' });

@ObjectType()
class ProductHit {
  @Field(() => Product)
  node!: Product | Row<Product>;

  @Field({ description: 'The matching text, with <mark>...</mark> around what matched.' })
  snippet!: string;

  @Field(() => Float)
  score!: number;

  @Field()
  cursor!: string;
}

@ObjectType()
class FacetValue {
  @Field({ description: 'A category id, "true"/"false", or a price band label.' })
  value!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
class SearchFacetsView {
  @Field(() => [FacetValue], { description: 'Leaf categories of the matching products.' })
  categories!: FacetValue[];

  @Field(() => [FacetValue])
  local!: FacetValue[];

  @Field(() => [FacetValue])
  umkk!: FacetValue[];

  @Field(() => [FacetValue])
  pdn!: FacetValue[];

  @Field(() => [FacetValue])
  basicNeeds!: FacetValue[];

  @Field(() => [FacetValue])
  priceBands!: FacetValue[];
}

@ObjectType()
class ProductSearchResult {
  @Field({ description: 'Which engine answered: postgresql or meilisearch.' })
  engine!: string;

  @Field(() => Int)
  totalCount!: number;

  @Field(() => [ProductHit])
  edges!: ProductHit[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => SearchFacetsView)
  facets!: SearchFacetsView;

  @Field(() => String, {
    nullable: true,
    description: 'What the results are for when a typed word was read as a likely typo ("kripik apel" -> "keripik apel"), to show as "menampilkan hasil untuk ..."; null when the query was taken as typed. PostgreSQL engine only.',
  })
  correctedQuery!: string | null;
}

@Resolver()
export class SearchResolver {
  @Query(() => ProductSearchResult, {
    description: 'Full-text search of what buyers may see, in Indonesian: stems, prefixes while typing, typos, per-Pemda synonyms, facets. Empty query browses.',
  })
  async searchProducts(
    @Arg('pemdaId', () => ID, { nullable: true, description: "Defaults to the caller's Pemda." }) pemdaId: string | undefined,
    @Arg('query', () => String, { nullable: true }) query: string | undefined,
    @Arg('filter', () => CatalogueFilterInput, { nullable: true }) filter: CatalogueFilterInput | undefined,
    @Arg('sort', () => SearchSort, { nullable: true }) sort: SearchSort | undefined,
    @Arg('first', () => Int, { nullable: true }) first: number | undefined,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProductSearchResult> {
    const shows = projectionOf(info, Product, ['edges', 'node'], ctx.em.getMetadata());
    const page = await ctx.services.search.search(ctx, { pemdaId, query, filter, sort, first, after, shows });
    return {
      engine: page.engine,
      totalCount: page.totalCount,
      edges: page.hits.map((h) => ({ node: h.product, snippet: h.snippet, score: h.score, cursor: h.cursor })),
      pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: Boolean(after), startCursor: page.hits[0]?.cursor ?? null, endCursor: page.endCursor },
      facets: page.facets,
      correctedQuery: page.correctedQuery,
    };
  }

  @Query(() => [SearchSynonym], { description: "A Pemda's search synonyms (public)." })
  searchSynonyms(@Arg('pemdaId', () => ID) pemdaId: string, @Ctx() ctx: RequestContext): Promise<SearchSynonym[]> {
    return ctx.services.search.synonyms(ctx, pemdaId);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => [SearchSynonym], { description: 'Sets what a word also means in this Pemda\'s search ("migor" -> ["minyak goreng"]); empty expansions remove it.' })
  setSearchSynonym(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('term') term: string,
    @Arg('expansions', () => [String]) expansions: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<SearchSynonym[]> {
    return ctx.services.search.setSynonym(ctx, pemdaId, term, expansions);
  }
}
