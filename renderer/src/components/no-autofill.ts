// Browsers keep what is typed into forms: Chromium's autofill stored record contents (contact
// names and emails, commitments, partner names) in plaintext in its profile, and offered to save
// the vault passphrase. This guard applies one rule to every form field the app ever renders, so
// no screen can forget it:
//
// - forms, inputs, text areas and selects get autocomplete="off". Chromium honours "off" for its
//   autocomplete history (the values it saves per field and offers again), which is where typed
//   record contents ended up;
// - passphrase fields get autocomplete="new-password", so no saved password is ever filled into
//   them, and the opt-out markers that common password-manager extensions read.
//
// The e2e tests check the rendered DOM of every screen, and read a real Chromium profile after
// typing. What no page can switch off (history entries, a password prompt in some browsers) is
// in docs/safety.md, with the dedicated profile that avoids it.

const PASSWORD_MANAGER_OPT_OUTS: Record<string, string> = {
  'data-1p-ignore': 'true',
  'data-lpignore': 'true',
  'data-bwignore': 'true',
  'data-form-type': 'other',
};

const FIELDS = 'form, input, textarea, select';

export function applyNoAutofill(element: Element): void {
  if (element instanceof HTMLInputElement && element.type === 'password') {
    if (element.getAttribute('autocomplete') !== 'new-password') element.setAttribute('autocomplete', 'new-password');
    for (const [name, value] of Object.entries(PASSWORD_MANAGER_OPT_OUTS)) {
      if (element.getAttribute(name) !== value) element.setAttribute(name, value);
    }
    return;
  }
  if (element.getAttribute('autocomplete') !== 'off') element.setAttribute('autocomplete', 'off');
}

function applyWithin(node: Node): void {
  if (!(node instanceof Element)) return;
  if (node.matches(FIELDS)) applyNoAutofill(node);
  for (const field of node.querySelectorAll(FIELDS)) applyNoAutofill(field);
}

/** Applies the rule to everything under root now and to every field added or changed later. */
export function guardAgainstAutofill(root: HTMLElement = document.documentElement): () => void {
  applyWithin(root);
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') applyWithin(mutation.target);
      else for (const node of mutation.addedNodes) applyWithin(node);
    }
  });
  // Attributes too: a field whose type flips (show/hide passphrase) or whose autocomplete a
  // component sets is brought back to the rule at once.
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['autocomplete', 'type'] });
  return () => observer.disconnect();
}
