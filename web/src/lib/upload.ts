import { session } from '../app/client';

export type UploadKind = 'PRODUCT_PHOTO' | 'RECEIPT' | 'LEGAL_DOCUMENT';

/**
 * Sends a file as the raw body of POST /uploads (the API reads its type from its bytes, resizes photos and strips
 * their metadata) and answers the stored upload's id and address, or the API's Indonesian message.
 */
export async function uploadFile(kind: UploadKind, file: File): Promise<{ id: string; url: string } | { error: string }> {
  try {
    const token = session.token();
    const response = await fetch(`/uploads?kind=${kind}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: file });
    const body = await response.json();
    return response.ok ? { id: body.id, url: body.url } : { error: body.errors?.[0]?.message ?? 'Berkas tidak dapat diunggah.' };
  } catch {
    return { error: 'Tidak dapat terhubung ke server.' };
  }
}

/**
 * Opens a private upload (a legal scan, a receipt): the browser cannot send the session's token on a plain link, so
 * the file is fetched with it and handed over as a download named `filename`.
 */
export async function downloadUpload(url: string, filename: string): Promise<string | null> {
  const token = session.token();
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} }).catch(() => null);
  if (!response?.ok) return 'Berkas tidak dapat dibuka.';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = filename;
  link.click();
  return null;
}

/** Downloads a vendor's NIB or NPWP scan as "NIB-<nib>.pdf" (or ".jpg" for a photographed one); without a NIB, "NIB.pdf". */
export function downloadScan(scan: { kind: string; url: string; contentType: string }, nib?: string): Promise<string | null> {
  return downloadUpload(scan.url, `${nib ? `${scan.kind}-${nib}` : scan.kind}.${scan.contentType === 'application/pdf' ? 'pdf' : 'jpg'}`);
}
