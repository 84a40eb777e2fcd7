/**
 * Security decisions for the app window (core, pure; DESIGN.md §9), kept here so they are unit
 * tested; main/electron only wires them to Electron's events.
 */
import { APP_HOST, APP_PROTOCOL, isTrustedRendererUrl } from './trustedSender';

/** The renderer's Content-Security-Policy: no remote origins, no inline script, no eval. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'none'",
  "media-src 'self' blob: mediastream:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export const APP_ENTRY_URL = `${APP_PROTOCOL}://${APP_HOST}/index.html`;

/** webPreferences for the only window. Never relaxed: there is no fallback without isolation. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  } as const;
}

/** In-window navigation: only reloads of our own renderer. Everything else is denied. */
export function isAllowedNavigation(targetUrl: string, devServerUrl: string | undefined): boolean {
  return isTrustedRendererUrl(targetUrl, devServerUrl);
}

/**
 * Links the user clicks that may open in the system browser (never inside the app): https only,
 * and only hosts we link to ourselves.
 */
const EXTERNAL_HOSTS = [
  /\.signin\.aws\.amazon\.com$/,
  /^console\.aws\.amazon\.com$/,
  /^docs\.aws\.amazon\.com$/,
];
export function isAllowedExternalLink(rawUrl: string): boolean {
  try {
    const url = new URL(rawUrl);
    return url.protocol === 'https:' && EXTERNAL_HOSTS.some(host => host.test(url.hostname));
  } catch {
    return false;
  }
}

/**
 * Permission requests (camera, screen capture…): granted only for media, only to our renderer,
 * and only while the user has started a scan. Everything else (geolocation, notifications,
 * midi, clipboard-read…) is denied.
 */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  devServerUrl: string | undefined,
  userStartedCapture: boolean,
): boolean {
  if (!isTrustedRendererUrl(requestingUrl, devServerUrl)) return false;
  return permission === 'media' && userStartedCapture;
}

/**
 * Maps an `app://renderer/<path>` request to a file below the renderer's build folder, or
 * undefined when it tries to leave it (`..`, encoded slashes, another host).
 */
export function resolveAppAsset(requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_PROTOCOL}:` || url.host !== APP_HOST) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\\') || path.includes('\0')) return undefined;
  const parts = path.split('/').filter(part => part !== '' && part !== '.');
  if (parts.some(part => part === '..')) return undefined;
  return parts.length === 0 ? 'index.html' : parts.join('/');
}
