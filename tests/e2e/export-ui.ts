// The export dialog's confirm step, as a careful user goes through it: a decision for each item the
// identity check flagged, and the answer to the question about dates, places, sizes and roles.
import type { Locator, Page } from 'playwright-core';

/** Marks every flagged item "This is fine" (except those already decided) and answers "No" to the quasi-identifier question. */
export async function passIdentityStep(scope: Page | Locator): Promise<void> {
  const step = scope.getByTestId('identity-review');
  await step.waitFor();
  const flags = step.getByTestId('identity-flag');
  for (let i = 0; i < (await flags.count()); i++) {
    const flag = flags.nth(i);
    if (!(await flag.getByRole('radio', { name: 'Replace with pseudonym' }).isChecked())) await flag.getByRole('radio', { name: 'This is fine' }).check();
  }
  await step.getByRole('radio', { name: /^No: I checked dates, places, sizes and roles/ }).check();
}
