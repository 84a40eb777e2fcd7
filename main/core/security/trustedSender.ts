/**
 * Which renderer URLs may call main (core, pure). The app is served from the custom
 * `app://renderer` origin; a dev server origin is trusted only when explicitly given (electron-vite
 * dev, or the e2e harness). Anything else — file:, remote pages, iframes — is refused.
 */
export const APP_PROTOCOL = 'app';
export const APP_HOST = 'renderer';

export function isTrustedRendererUrl(rawUrl: string, devServerUrl: string | undefined): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  // Custom schemes have an opaque origin ("null"), so compare protocol and host instead.
  if (url.protocol === `${APP_PROTOCOL}:` && url.host === APP_HOST) {
    return true;
  }
  if (devServerUrl === undefined) return false;
  try {
    return url.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
