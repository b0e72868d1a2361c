// Editors keep their less-used parts in collapsible sections (closed unless the user left them
// open on this device). A journey that fills such a part opens it first, as a user would.
import type { Page } from 'playwright-core';

/** Opens every section of these names on the page; one already open stays open. */
export async function openSections(page: Page, ...names: string[]): Promise<void> {
  for (const name of names) {
    const sections = page.locator(`details[data-section="${name}"]`);
    await sections.first().waitFor();
    const closed = page.locator(`details[data-section="${name}"]:not([open]) > summary`);
    // Each click removes its section from the closed ones, so always click the first left.
    while ((await closed.count()) > 0) await closed.first().click();
  }
}
