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
