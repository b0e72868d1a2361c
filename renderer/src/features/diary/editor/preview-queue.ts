/**
 * Attachment previews load one at a time. Each can be a 25 MB file, held three times over while it
 * loads (the base64 answer, its bytes, the blob), so several editors or windows previewing at once
 * could exhaust a small laptop's memory. A preview closed while it waits never loads.
 */
let tail: Promise<unknown> = Promise.resolve();

export function loadPreview<T>(task: () => Promise<T>): Promise<T> {
  const run = tail.then(task, task);
  tail = run.catch(() => undefined);
  return run;
}
