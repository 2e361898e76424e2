/** Saves content as a file through the browser's download. */
export function downloadFile(name: string, type: string, content: string | Uint8Array<ArrayBuffer>) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([content], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
