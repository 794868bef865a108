/**
 * The renderer's origin. The built UI is served from `app://halldesk/…` rather than
 * file://, so it has a real origin: CSP 'self', navigation checks and IPC sender checks
 * can all compare against it, and no other file on disk is reachable from the page.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'halldesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for URLs of the app's own origin. Compared by parts, not by `URL.origin`:
 * for a non-special scheme Node reports the origin as the string "null".
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
