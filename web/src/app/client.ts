import { cacheExchange } from '@urql/exchange-graphcache';
import { Client, fetchExchange, mapExchange } from 'urql';

const TOKEN_KEY = 'katalog-lokal.token';

export const session = {
  token: () => localStorage.getItem(TOKEN_KEY),
  save: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

/**
 * One client for the whole app: a normalised cache (entities by id, so an action's answer updates every list that
 * shows the row) and the session's token on every request. Views whose rows have no id are keyed off.
 */
export function createClient(): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false, // Apollo's CSRF rule refuses a GET without a preflight header; POST is the API's way
    exchanges: [
      cacheExchange({
        keys: Object.fromEntries(
          ['SpendRecapView', 'OpdSpendRecap', 'SpendFiguresView', 'PeriodView', 'MonthPointView', 'AwardLeaderboardRow', 'AwardRowView', 'ComponentScoreView',
            'ComponentWeightView', 'AwardVersionDiff', 'CatalogueProgressView', 'StatusCount', 'BudgetImportResult', 'ImportRowError', 'ExportFile', 'OrderStatusTotal',
            'AuthPayload', 'PageInfo', 'ProductConnection', 'ProductEdge', 'ProductSearchResult', 'ProductHit', 'SearchFacetsView', 'FacetValue', 'VendorClassificationView',
            'BankAccount', 'ProductRevisionView', 'GradeMinimums', 'TemporaryPassword'].map((name) => [name, () => null]),
        ),
      }),
      // A session that ended meanwhile (expired, its password changed or reset elsewhere, the account deactivated):
      // back to the sign-in page, saying so, rather than every page showing the refusal.
      mapExchange({
        onError(error, operation) {
          // The session's own reading of the account (`Me`) is answered by showing the sign-in page where one is needed.
          const name = operation.query.definitions.find((d) => d.kind === 'OperationDefinition')?.name?.value;
          if (name !== 'Me' && session.token() && error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
            session.clear();
            window.location.assign('/masuk?sesi=berakhir');
          }
        },
      }),
      fetchExchange,
    ],
    fetchOptions: () => {
      const token = session.token();
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers };
    },
  });
}
