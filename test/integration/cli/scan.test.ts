/**
 * `tessera scan` built (out/cli/tessera.js, its qrWorker.js and .wasm beside it) against a real
 * keychain (Secret Service) and a real vault.json: every code of a multi-code screenshot in
 * --json, a summary that names devices but never prints a secret, a QR code that is not an
 * authenticator code, unreadable files, and --add storing exactly the authenticator codes found.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import keytar from 'keytar';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = resolve(import.meta.dirname, '../../../out/cli/tessera.js');
const FIXTURES = resolve(import.meta.dirname, '../../fixtures/qr-screens');
const MULTI = 'screens/s042-1920x1080@1-light-z1-n2.png';
const NONE = 'screens/s044-1920x1080@1-light-z1-n0.png';
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as {
  file: string;
  uris: string[];
}[];
const multiUris = expected.find(entry => entry.file === MULTI)?.uris ?? [];
const secretOf = (uri: string) => new URL(uri).searchParams.get('secret') ?? '';

const AWS_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const AWS_URI = `otpauth://totp/Amazon%20Web%20Services:ci-bot@123456789012?secret=${AWS_SECRET}&issuer=Amazon%20Web%20Services`;
const WEB_LINK = 'https://example.com/some/private/path?token=abc';

const home = mkdtempSync(join(tmpdir(), 'tessera-scan-'));
const images = mkdtempSync(join(tmpdir(), 'tessera-scan-images-'));
const service = `tessera-scan-test-${randomBytes(6).toString('hex')}`;
const env = { ...process.env, TESSERA_HOME: home, TESSERA_KEYCHAIN_SERVICE: service };

function tessera(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const listed = () =>
  JSON.parse(tessera(['list', '--json']).stdout) as { issuer: string; accountName: string }[];

beforeAll(async () => {
  if (!existsSync(CLI)) {
    throw new Error('out/cli/tessera.js is missing: run `npm run build` first.');
  }
  // The QRCodePNG that `aws iam create-virtual-mfa-device --outfile … --bootstrap-method QRCodePNG` writes.
  await QRCode.toFile(join(images, 'QRCodePNG.png'), AWS_URI, { scale: 4, margin: 4 });
  await QRCode.toFile(join(images, 'link.png'), WEB_LINK, { scale: 5 });
  writeFileSync(join(images, 'broken.png'), 'not an image');
  copyFileSync(join(FIXTURES, MULTI), join(images, 'two-codes.png'));
});

afterAll(async () => {
  for (const { account } of await keytar.findCredentials(service)) {
    await keytar.deletePassword(service, account);
  }
  rmSync(home, { recursive: true, force: true });
  rmSync(images, { recursive: true, force: true });
});

describe('tessera scan', () => {
  it('prints every code of every image with --json', () => {
    const result = tessera(['scan', '--json', join(FIXTURES, MULTI), join(FIXTURES, NONE)]);
    expect(result.status).toBe(0);
    const rows = JSON.parse(result.stdout) as { file: string; codes: { text: string }[] }[];
    expect(rows).toHaveLength(2);
    expect(rows[0]?.file).toBe(join(FIXTURES, MULTI));
    expect(rows[0]?.codes.map(code => code.text).sort()).toEqual([...multiUris].sort());
    expect(rows[1]).toEqual({ file: join(FIXTURES, NONE), codes: [] });
  });

  it('summarises codes by issuer and account without printing a secret or a foreign text', () => {
    const result = tessera([
      'scan',
      join(images, 'two-codes.png'),
      join(images, 'link.png'),
      join(FIXTURES, NONE),
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('two-codes.png: 2 QR codes');
    expect(result.stdout).toContain(
      'authenticator code: Amazon Web Services: alice@123456789012 (AWS account 123456789012)',
    );
    expect(result.stdout).toContain(
      "link.png: 1 QR code\n  1. This QR code isn't a 2FA setup code: it is a web link.",
    );
    expect(result.stdout).toMatch(/n0\.png: no QR code found/);
    for (const uri of multiUris) expect(result.stdout + result.stderr).not.toContain(secretOf(uri));
    expect(result.stdout + result.stderr).not.toContain('example.com');
  });

  it('reports an unreadable file (exit code 2) and still reads the others', () => {
    const result = tessera([
      'scan',
      '--json',
      join(images, 'broken.png'),
      join(images, 'link.png'),
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      '"broken.png" is not a PNG, JPEG or WebP image, or it is damaged.',
    );
    const rows = JSON.parse(result.stdout) as { codes: { text: string }[]; error?: string }[];
    expect(rows[0]?.error).toMatch(/not a PNG/);
    expect(rows[1]?.codes).toEqual([{ text: WEB_LINK }]);
  });

  it('needs at least one image', () => {
    const result = tessera(['scan']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('scan takes one or more image files');
  });
});

describe('tessera scan --add', () => {
  it('stores nothing and exits 3 when no authenticator code is found', () => {
    const result = tessera(['scan', '--add', join(images, 'link.png'), join(FIXTURES, NONE)]);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('no authenticator code (otpauth://) found to add');
    expect(existsSync(join(home, 'vault.json')) ? listed() : []).toEqual([]);
  });

  it('adds the device of an AWS QRCodePNG, its seed in the keychain', async () => {
    const result = tessera(['scan', '--add', join(images, 'QRCodePNG.png')]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^added\t[0-9a-f-]{36}\tAmazon Web Services:ci-bot@123456789012$/m,
    );
    expect(result.stdout).not.toContain(AWS_SECRET);
    const [device] = listed();
    expect(device).toMatchObject({
      issuer: 'Amazon Web Services',
      accountName: 'ci-bot@123456789012',
    });
    expect(await keytar.findCredentials(service)).toHaveLength(1);
  });

  it('adds every authenticator code of a multi-code screenshot and skips the web link', async () => {
    const result = tessera([
      'scan',
      '--add',
      join(images, 'two-codes.png'),
      join(images, 'link.png'),
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout.match(/^added\t/gm)).toHaveLength(2);
    expect(
      listed()
        .map(device => device.accountName)
        .sort(),
    ).toEqual(['alice@123456789012', 'bob.smith@210987654321', 'ci-bot@123456789012']);
    expect(await keytar.findCredentials(service)).toHaveLength(3);
  });
});
