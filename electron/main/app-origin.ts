// The app is served from app://workbench/ so it never runs from file:// (where any local file
// would be same-origin). Exact URL parsing, never substring checks.
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/`;

export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** A blob the app's own page created (an export or an attachment copy being saved). */
export function isAppBlobUrl(raw: string): boolean {
  return raw.startsWith(`blob:${APP_ORIGIN}/`);
}

/** Outside links the user may choose to open in the system browser: web addresses only. */
export function isExternalWebUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
