import { z } from 'zod';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** Which transport serves the renderer: the Electron shell or the local browser-mode server. */
  mode: z.enum(['desktop', 'browser']),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appMethods = {
  'app.info': { input: z.null(), output: AppInfo },
  /** Opens an outside web address in the system browser, after the renderer asked the user. */
  'app.openExternal': {
    input: z.object({ url: z.url({ protocol: /^https?$/ }).max(2048) }),
    output: z.object({ opened: z.boolean() }),
  },
} as const;
