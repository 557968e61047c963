/** A file the API answered as `{ filename contentType base64 }`, saved by the browser as a download. */
export interface ApiFile {
  filename: string;
  contentType: string;
  base64: string;
}

export function saveFile(file: ApiFile): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], { type: file.contentType }));
  link.download = file.filename;
  link.click();
}
