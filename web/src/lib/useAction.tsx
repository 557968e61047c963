import { useState } from 'react';

/** What a urql mutation answers, as far as a page reads it. */
export type Outcome = { error?: { graphQLErrors: { message: string; extensions?: Record<string, unknown> }[] } };

/** A message after an action: the API's Indonesian refusal, or what was done. */
export type Notice = { text: string; ok: boolean };

export const noticeOf = (result: Outcome, done: string): Notice =>
  result.error ? { text: result.error.graphQLErrors[0]?.message ?? 'Gagal.', ok: false } : { text: done, ok: true };

/** The notice in place: announced politely when it worked, as an alert when refused. */
export function NoticeLine({ notice }: { notice: Notice | null }) {
  return notice && <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'notice' : 'error'}>{notice.text}</p>;
}

/**
 * A workspace action's result shown in place: the API's Indonesian message when refused, `done` when it worked; the
 * page's list is read again either way.
 */
export function useAction(refresh: (opts: { requestPolicy: 'network-only' }) => void) {
  const [message, setMessage] = useState<string | null>(null);
  async function act(run: () => Promise<Outcome>, done: string) {
    setMessage(noticeOf(await run(), done).text);
    refresh({ requestPolicy: 'network-only' });
  }
  return { message, act };
}
