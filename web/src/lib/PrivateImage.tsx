import { useEffect, useState } from 'react';
import { session } from '../app/client';

/**
 * A private upload (a receipt) shown in place: an <img> cannot send the session's token, so the picture is fetched
 * with it and shown from memory; the memory is released when the picture leaves the page.
 */
export function PrivateImage({ url, alt }: { url: string; alt: string }) {
  const [source, setSource] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let objectUrl: string | null = null;
    let current = true;
    const token = session.token();
    fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        objectUrl = URL.createObjectURL(await response.blob());
        if (current) setSource(objectUrl);
      })
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);
  if (failed) return <span className="error">Foto tidak dapat dibuka.</span>;
  return source ? <img className="receipt" src={source} alt={alt} /> : <span>Memuat foto…</span>;
}
