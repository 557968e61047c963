import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context.js';
import { ID } from '../../server/ids.js';
import { ocdsReleasePage, openDataPemda } from '../../server/opendata/ocds.js';

@ObjectType({ description: 'One page of the Pemda\'s catalogue purchases as an OCDS 1.1 release package.' })
class OcdsReleasePage {
  @Field({ description: 'The release package as JSON text (validates against OCDS 1.1 release-package-schema).' }) releasePackage!: string;
  @Field(() => Int) releaseCount!: number;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' }) nextCursor!: string | null;
}

@Resolver()
export class OpenDataResolver {
  @Query(() => OcdsReleasePage, {
    description: 'Open data, for anyone: the Pemda\'s catalogue purchases in OCDS 1.1, one release per order and state change, oldest first, with no personal data. Also at GET /opendata/{kemendagriCode}/ocds.json.',
  })
  async ocdsReleases(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('from', () => String, { nullable: true, description: 'Local date YYYY-MM-DD.' }) from: string | null,
    @Arg('to', () => String, { nullable: true, description: 'Local date YYYY-MM-DD.' }) to: string | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Releases per page, 1-500 (100 when omitted).' }) first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<OcdsReleasePage> {
    const page = await ocdsReleasePage(ctx.em, await openDataPemda(ctx.em, { id: pemdaId }), { from, to, after, first }, ctx.config.publicUrl, ctx.now());
    return { releasePackage: JSON.stringify(page.releasePackage), releaseCount: page.releaseCount, nextCursor: page.nextCursor };
  }
}
