// The app remembers whether it put something on the clipboard, so panic can clear it without
// touching what the user copied from elsewhere.
let appWroteClipboard = false;

export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
  appWroteClipboard = true;
}

export async function clearClipboardIfOurs(): Promise<void> {
  if (!appWroteClipboard) return;
  appWroteClipboard = false;
  await navigator.clipboard.writeText('').catch(() => undefined);
}
