import { describe, expect, it } from 'vitest';
import { isTrustedRendererUrl } from '../../../../main/core/security/trustedSender';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedExternalLink,
  isAllowedNavigation,
  isPermissionAllowed,
  resolveAppAsset,
  secureWebPreferences,
} from '../../../../main/core/security/windowPolicy';

describe('isTrustedRendererUrl', () => {
  it.each([
    ['app://renderer/index.html', undefined, true],
    ['app://renderer/', undefined, true],
    ['http://localhost:5173/', 'http://localhost:5173', true],
    ['http://localhost:5173/', undefined, false],
    ['http://localhost:5174/', 'http://localhost:5173', false],
    ['app://evil/index.html', undefined, false],
    ['file:///etc/passwd', undefined, false],
    ['https://example.com/', undefined, false],
    ['not a url', undefined, false],
    ['', undefined, false],
  ])('%s (dev server %s) → %s', (url, dev, expected) => {
    expect(isTrustedRendererUrl(url, dev)).toBe(expected);
  });
});

describe('window policy', () => {
  it('keeps the renderer isolated and sandboxed without Node', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
  });

  it('has a CSP with no remote origins, inline script or eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('denies navigation away from the renderer', () => {
    expect(isAllowedNavigation('app://renderer/index.html', undefined)).toBe(true);
    expect(isAllowedNavigation('https://phish.example/', undefined)).toBe(false);
  });

  it('opens only https links to AWS sign-in and docs outside the app', () => {
    expect(isAllowedExternalLink('https://123456789012.signin.aws.amazon.com/console')).toBe(true);
    expect(isAllowedExternalLink('http://123456789012.signin.aws.amazon.com/console')).toBe(false);
    expect(isAllowedExternalLink('https://signin.aws.amazon.com.evil.example/')).toBe(false);
    expect(isAllowedExternalLink('javascript:alert(1)')).toBe(false);
  });

  it('grants media only to our renderer and only during a capture the user started', () => {
    expect(isPermissionAllowed('media', 'app://renderer/index.html', undefined, true)).toBe(true);
    expect(isPermissionAllowed('media', 'app://renderer/index.html', undefined, false)).toBe(false);
    expect(isPermissionAllowed('geolocation', 'app://renderer/index.html', undefined, true)).toBe(
      false,
    );
    expect(isPermissionAllowed('media', 'https://example.com/', undefined, true)).toBe(false);
  });

  it.each([
    ['app://renderer/', 'index.html'],
    ['app://renderer/index.html', 'index.html'],
    ['app://renderer/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://renderer/../../etc/passwd', 'etc/passwd'],
    ['app://renderer/assets/%2e%2e/%2e%2e/secret', 'secret'],
    ['app://renderer/a%5c..%5cb', undefined],
    ['app://renderer/a%00b', undefined],
    ['app://other/index.html', undefined],
    ['https://renderer/index.html', undefined],
  ])('maps %s to %s inside the renderer folder', (url, expected) => {
    expect(resolveAppAsset(url)).toBe(expected);
  });
});
