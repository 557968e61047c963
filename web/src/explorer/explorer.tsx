import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { createRoot } from 'react-dom/client';

// GraphiQL from the app's own bundle: it works on a network with no internet. Set the Authorization header in the
// Headers tab ({"authorization": "Bearer <token>"}); the web app's token is offered when there is one.
const token = localStorage.getItem('katalog-lokal.token');
const fetcher = createGraphiQLFetcher({ url: '/graphql' });
createRoot(document.getElementById('explorer')!).render(
  <GraphiQL fetcher={fetcher} defaultHeaders={token ? JSON.stringify({ authorization: `Bearer ${token}` }, null, 2) : undefined} defaultQuery={'{\n  pemdas { id name timeZone }\n}\n'} />,
);
