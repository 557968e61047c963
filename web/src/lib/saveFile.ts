/** A file the API answered as `{ filename contentType base64 }`, saved by the browser as a download. */
export interface ApiFile {
  filename: string;
  contentType: string;
  base64: string;
}

export function saveFile(file: ApiFile): void {
  saveBlob(file.filename, new Blob([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], { type: file.contentType }));
}

/** Text made in the browser (a template), saved as a download. */
export function saveText(filename: string, text: string, contentType: string): void {
  saveBlob(filename, new Blob([text], { type: contentType }));
}

function saveBlob(filename: string, blob: Blob): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  link.click();
}
