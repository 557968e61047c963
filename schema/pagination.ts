import { Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { QueueOrder, type Page } from '../server/database/pagination.js';

registerEnumType(QueueOrder, { name: 'QueueOrder', description: 'A work queue oldest first (the default) or newest first.' });

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
  totalCount: number | Promise<number>;
}

/** A Relay connection type for a node type: `edges { node cursor }`, `pageInfo`, `totalCount`. */
export function connectionOf<T extends object>(Node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => Node)
    node!: T;

    @Field({ description: 'Pass as `after` to continue from this row.' })
    cursor!: string;
  }

  @ObjectType(`${name}Connection`)
  class Connection implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'All rows matching the filters, across pages (counted only when asked for).' })
    totalCount!: number | Promise<number>;
  }
  return Connection;
}

export function toConnection<T>(page: Page<T>): ConnectionShape<T> {
  return {
    // Each cursor encoded only when the query selects it.
    edges: page.items.map((node) => ({ node, get cursor() { return page.cursorOf(node); } })),
    pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPreviousPage, startCursor: page.startCursor, endCursor: page.endCursor },
    // A getter: GraphQL reads it only when the query selects totalCount, and only then is the count run.
    get totalCount() {
      return page.totalCount();
    },
  };
}
