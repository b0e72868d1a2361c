// The first screen is painted before the data its pages load as they mount (useApi) is asked for.
// Those requests left from React's effects in the task right after the first render, ahead of the
// frame that paints it, and their answers re-rendered the page before that frame's paint could be
// seen: Home's heading reached the screen 16 ms later at the median. The answers the first screen
// itself shows (the vault's status, the diary's first rows) were asked for before the render and
// are not held (early-requests.ts). Outside useApi, the header's and Home's open-or-locked question
// (useVaultUnlocked) and the fonts of other scripts (main.tsx) wait too; other calls (panic's) do not.

let held: Promise<void> | null = null;

/**
 * Called once, before the first render: loads started meanwhile (useApi) wait for the first paint.
 * Returns what the first render calls once committed; from then on, the hold ends with the next
 * painted frame, or after 200 ms at most (a hidden window paints no frames).
 */
export function holdLoadsUntilFirstPaint(): () => void {
  let release!: () => void;
  held = new Promise<void>((resolve) => (release = resolve)).then(() => {
    held = null;
  });
  return () => {
    // The frame is painted once its animation frame has run and the task after it starts.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => release();
      channel.port2.postMessage(null);
    });
    setTimeout(release, 200);
  };
}

/** Resolves once the first screen is painted; null when nothing is held (after it, or in tests). */
export const firstPaint = (): Promise<void> | null => held;
