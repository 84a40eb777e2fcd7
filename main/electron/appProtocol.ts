/**
 * Serves the built renderer from `app://renderer/…` (Electron glue). Path resolution is the
 * pure, tested `resolveAppAsset`; requests that leave the renderer folder get a 404.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { APP_PROTOCOL } from '../core/security/trustedSender';
import { CONTENT_SECURITY_POLICY, resolveAppAsset } from '../core/security/windowPolicy';

/** Must run before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_PROTOCOL, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_PROTOCOL, async request => {
    const relative = resolveAppAsset(request.url);
    if (relative === undefined) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(join(rendererDir, relative)).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
