// What the first screen needs from core, asked for before the rest of the app's code runs:
// main.tsx imports this module first, so these requests leave while React, the router and the
// frame's modules are still being evaluated instead of after. The answers are taken by the diary
// list (first-window.ts) and the vault gate (early-status.ts).
// The interface language first: the diary list's first window is asked for in its order.
import '../i18n';
import { sessionToken } from '../api/session';
import { askForFirstWindow } from '../features/diary/list/first-window';
import { NEUTRAL_PATH } from '../features/safety/panic';
import { askForVaultStatus } from '../features/vault/early-status';

/**
 * The first segments of the pages that show without an open vault (Home, the knowledge base,
 * Safety) and of the neutral screen after panic, which asks nothing.
 */
const UNGATED_PAGES = new Set(['', 'kb', 'safety', NEUTRAL_PATH.slice(1)]);

// Browser mode: take the launch token out of the address bar and sign in before anything renders.
if (!window.workbench) void sessionToken();
// The diary list's first rows, which the user waits for most, then (on pages behind the vault
// gate) the gate's question, open or locked?, so an open vault's content is not a round trip late.
const firstRows = askForFirstWindow(window.location.pathname, window.location.search);
const status = UNGATED_PAGES.has(window.location.pathname.split('/')[1] ?? '') ? null : askForVaultStatus();

/** Settles once every answer asked for above is in (never rejects); at once if none was asked. */
export const earlyAnswers: Promise<unknown> = Promise.all([firstRows, status]);
