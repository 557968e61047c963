/** A category as the API's `categories` query returns it, with its children. */
export interface CategoryTree {
  id: string;
  name: string;
  /** The stable code a CSV import names the category by (asked for only where a page shows it). */
  code?: string;
  children?: CategoryTree[] | null;
}

export interface FlatCategory {
  id: string;
  name: string;
  code?: string;
  /** Names from the root down to this category: ["Produk Olahan Pangan", "Produk Olahan Apel", "Keripik Apel"]. */
  path: string[];
  isLeaf: boolean;
}

/**
 * The API's category tree (`categories` gives the roots, each with `children`) as one list, depth first. The tree is
 * three levels deep, so a query asks for `children { children }`.
 */
export function flattenCategories(nodes: CategoryTree[], above: string[] = []): FlatCategory[] {
  return nodes.flatMap((node) => {
    const path = [...above, node.name];
    const children = node.children ?? [];
    return [{ id: node.id, name: node.name, code: node.code, path, isLeaf: children.length === 0 }, ...flattenCategories(children, path)];
  });
}
