/** Hands a generated file to the user: a download in a browser, the save dialog in the app. */
export function download(filename: string, content: string | Blob, mimeType = 'application/octet-stream'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type: mimeType }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
