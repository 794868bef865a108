/**
 * The renderer's Content-Security-Policy, one string for both the Electron protocol
 * handler and the browser bridge: scripts and styles from the app only, data: images
 * (barcodes, QR codes), API calls to the same origin, nothing else.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');
