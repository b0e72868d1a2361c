import { z } from 'zod';

const StepIds = z.array(z.string().max(80)).max(100);

/** The "Get started" ticks: kept in the open vault, or only in the page while none is open. */
export const homeMethods = {
  'home.checklist.get': { input: z.null(), output: z.object({ done: StepIds, stored: z.boolean() }) },
  'home.checklist.set': { input: z.object({ done: StepIds }), output: z.object({ stored: z.boolean() }) },
} as const;
