import { useState } from 'react';

type Outcome = { error?: { graphQLErrors: { message: string }[] } };

/**
 * A workspace action's result shown in place: the API's Indonesian message when refused, `done` when it worked; the
 * page's list is read again either way.
 */
export function useAction(refresh: (opts: { requestPolicy: 'network-only' }) => void) {
  const [message, setMessage] = useState<string | null>(null);
  async function act(run: () => Promise<Outcome>, done: string) {
    const result = await run();
    setMessage(result.error ? (result.error.graphQLErrors[0]?.message ?? 'Gagal.') : done);
    refresh({ requestPolicy: 'network-only' });
  }
  return { message, act };
}
