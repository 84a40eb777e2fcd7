/**
 * The built CLI's import, export and backup commands against a real keychain (Secret Service)
 * and real files: the exact --dry-run --json --show-secrets document, a backup restored into a
 * fresh home and keychain service, Aegis round trips, and clean refusals that store nothing.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import keytar from 'keytar';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = resolve(import.meta.dirname, '../../../out/cli/tessera.js');
const FIXTURES = resolve(import.meta.dirname, '../../fixtures/imports');
const work = mkdtempSync(join(tmpdir(), 'tessera-interop-cli-'));
const services: string[] = [];

function profile() {
  const home = mkdtempSync(join(work, 'home-'));
  const service = `tessera-interop-test-${randomBytes(6).toString('hex')}`;
  services.push(service);
  const env = { ...process.env, TESSERA_HOME: home, TESSERA_KEYCHAIN_SERVICE: service };
  const run = (args: string[], input = '') => {
    const result = spawnSync(process.execPath, [CLI, ...args], {
      env,
      input,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  return { home, service, run };
}

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

const passwordFile = file('pass.txt', 'correct horse battery\n');
const wrongPasswordFile = file('wrong.txt', 'incorrect horse\n');
const aegisPassword = file('aegis-pass.txt', 'test\n');

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error('out/cli/tessera.js is missing: run `npm run build` first.');
});

afterAll(async () => {
  for (const service of services) {
    for (const { account } of await keytar.findCredentials(service))
      await keytar.deletePassword(service, account);
  }
  rmSync(work, { recursive: true, force: true });
});

describe('tessera import', { timeout: 60_000 }, () => {
  it('prints the exact --dry-run --json --show-secrets document and stores nothing', async () => {
    const { run, home, service } = profile();
    const result = run([
      'import',
      '--format',
      'aegis',
      join(FIXTURES, 'aegis/aegis_encrypted.json'),
      '--password-file',
      aegisPassword,
      '--dry-run',
      '--json',
      '--show-secrets',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const doc = JSON.parse(result.stdout) as { entries: unknown[]; errors: unknown[] };
    expect(doc.entries[0]).toEqual({
      type: 'totp',
      issuer: 'Deno',
      name: 'Mason',
      secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
    expect(doc.entries[3]).toEqual({
      type: 'hotp',
      issuer: 'Issuu',
      name: 'James',
      secret: 'YOOMIXWS5GN6RTBPUFFWKTW5M4',
      algorithm: 'SHA1',
      digits: 6,
      counter: 1,
    });
    expect(doc.entries).toHaveLength(6);
    expect(doc.errors).toEqual([
      { index: 6, reason: expect.stringMatching(/"steam" is not supported yet/) as string },
    ]);
    expect(existsSync(join(home, 'vault.json'))).toBe(false);
    expect(await keytar.findCredentials(service)).toEqual([]);
  });

  it('omits secrets from --dry-run --json unless --show-secrets, and refuses --show-secrets alone', () => {
    const { run } = profile();
    const list = join(FIXTURES, 'otpauth-uri-list/plain.txt');
    const plain = run(['import', '--format', 'otpauth-list', list, '--dry-run', '--json']);
    expect(plain.status).toBe(0);
    expect(plain.stdout).not.toContain('4SJHB4GSD43FZBAI7C2HLRJGPQ');
    expect(run(['import', '--format', 'otpauth-list', list, '--show-secrets']).status).toBe(2);
  });

  it('imports an encrypted Aegis vault, then finds everything present the second time', () => {
    const { run } = profile();
    const args = [
      'import',
      '--format',
      'aegis',
      join(FIXTURES, 'aegis/aegis_encrypted.json'),
      '--password-file',
      aegisPassword,
    ];
    const first = run(args);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(
      'Imported 6 new devices; 0 already present, 1 entry could not be imported.\n',
    );
    expect(first.stderr).toMatch(/skipped entry 7 \(Boeing \(Sophia\)\): .*not supported yet/);
    const second = run(args);
    expect(second.stdout).toBe(
      'Imported 0 new devices; 6 already present, 1 entry could not be imported.\n',
    );
    expect(JSON.parse(run(['list', '--json']).stdout)).toHaveLength(6);
    expect(run(['code', 'deno']).stdout).toMatch(/^\d{6}\n$/);
  });

  it('says a wrong password is wrong, a missing one is needed, and stores nothing', () => {
    const { run, home } = profile();
    const vault = join(FIXTURES, 'aegis/aegis_encrypted.json');
    const wrong = run(['import', '--format', 'aegis', vault, '--password-file', wrongPasswordFile]);
    expect(wrong).toMatchObject({ status: 2, stdout: '' });
    expect(wrong.stderr).toMatch(/Wrong password/);
    const missing = run(['import', '--format', 'aegis', vault]);
    expect(missing.stderr).toMatch(/encrypted: enter its password\. Pass it with --password-file/);
    expect(existsSync(join(home, 'vault.json'))).toBe(false);
  });

  it('says when the file is not in the format chosen, and stores nothing', () => {
    const { run, home } = profile();
    const wrong = run(['import', '--format', 'andotp', join(FIXTURES, 'aegis/aegis_plain.json')]);
    expect(wrong).toMatchObject({
      status: 2,
      stderr: 'tessera: This is not an andOTP backup (it should be a list of accounts).\n',
    });
    expect(existsSync(join(home, 'vault.json'))).toBe(false);
  });

  it('refuses unknown formats', () => {
    const { run } = profile();
    const unknown = run([
      'import',
      '--format',
      'lastpass',
      join(FIXTURES, 'aegis/aegis_plain.json'),
    ]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--format must be one of: tessera, aegis, 2fas/);
  });

  it('never takes a passphrase as an argument', () => {
    const { run } = profile();
    const result = run(['backup', 'create', join(work, 'x.tessera'), '--password', 'hunter2']);
    expect(result.status).toBe(2);
    expect(result.stderr).not.toContain('hunter2');
  });
});

describe('tessera backup and export', { timeout: 120_000 }, () => {
  it('backs up, then restores into a fresh home and keychain with every device and code', () => {
    const source = profile();
    source.run([
      'add',
      'otpauth://totp/GitHub:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=GitHub',
    ]);
    source.run(['add', 'otpauth://hotp/Bank:bob?secret=JBSWY3DPEHPK3PXP&counter=5']);
    const [github] = JSON.parse(source.run(['list', '--json']).stdout) as { id: string }[];
    source.run(['edit', github!.id, '--aws-account', '123456789012', '--iam-user', 'alice']);
    const backupFile = join(work, 'all.tessera');
    const created = source.run(['backup', 'create', backupFile, '--password-file', passwordFile]);
    expect(created).toMatchObject({ status: 0, stdout: `Backed up 2 devices to ${backupFile}.\n` });
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(backupFile, 'utf8')).not.toContain('GEZDGNBV');

    const target = profile();
    const wrong = target.run([
      'backup',
      'restore',
      backupFile,
      '--password-file',
      wrongPasswordFile,
    ]);
    expect(wrong).toMatchObject({
      status: 2,
      stderr: 'tessera: Wrong passphrase for this backup. Nothing was restored.\n',
    });
    const dry = target.run([
      'backup',
      'restore',
      backupFile,
      '--password-file',
      passwordFile,
      '--dry-run',
    ]);
    expect(dry.stdout).toBe(
      'Dry run, nothing restored: 2 new devices, 0 already present, 0 conflicts.\n',
    );
    expect(existsSync(join(target.home, 'vault.json'))).toBe(false);
    const restored = target.run(['backup', 'restore', backupFile, '--password-file', passwordFile]);
    expect(restored).toMatchObject({
      status: 0,
      stdout: 'Restored 2 devices; 0 already present.\n',
    });
    const strip = (text: string) => text;
    expect(strip(target.run(['list', '--json']).stdout)).toBe(
      strip(source.run(['list', '--json']).stdout),
    );
    expect(target.run(['code', 'github']).stdout).toBe(source.run(['code', 'github']).stdout);
    const again = target.run(['backup', 'restore', backupFile, '--password-file', passwordFile]);
    expect(again.stdout).toBe('Restored 0 devices; 2 already present.\n');
  });

  it('refuses a truncated backup and a backup from a newer version without storing anything', () => {
    const source = profile();
    source.run(['add', 'otpauth://totp/A:a?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ']);
    const good = join(work, 'good.tessera');
    source.run(['backup', 'create', good, '--password-file', passwordFile]);
    const text = readFileSync(good, 'utf8');
    const target = profile();
    const truncated = file('cut.tessera', text.slice(0, text.length / 2));
    expect(
      target.run(['backup', 'restore', truncated, '--password-file', passwordFile]).stderr,
    ).toMatch(/incomplete/);
    const newer = file('newer.tessera', text.replace('"version": 1', '"version": 2'));
    expect(
      target.run(['backup', 'restore', newer, '--password-file', passwordFile]).stderr,
    ).toMatch(/newer version of Tessera/);
    expect(existsSync(join(target.home, 'vault.json'))).toBe(false);
  });

  it('exports an Aegis vault and an otpauth list that import back unchanged', () => {
    const source = profile();
    source.run([
      'add',
      'otpauth://totp/GitHub:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=GitHub&digits=8&algorithm=SHA256',
    ]);
    const aegis = join(work, 'out-aegis.json');
    expect(source.run(['export', '--format', 'aegis', aegis]).status).toBe(2); // needs a password file
    expect(
      source.run(['export', '--format', 'aegis', aegis, '--password-file', passwordFile]),
    ).toMatchObject({
      status: 0,
      stdout: `Exported 1 device to ${aegis}.\n`,
    });
    const list = join(work, 'out.txt');
    const plain = source.run(['export', '--format', 'otpauth-list', list]);
    expect(plain.stderr).toMatch(/UNENCRYPTED/);
    expect(statSync(list).mode & 0o777).toBe(0o600);
    const expected = {
      type: 'totp',
      issuer: 'GitHub',
      name: 'alice',
      secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      algorithm: 'SHA256',
      digits: 8,
      period: 30,
    };
    const fromAegis = source.run([
      'import',
      '--format',
      'aegis',
      aegis,
      '--password-file',
      passwordFile,
      '--dry-run',
      '--json',
      '--show-secrets',
    ]);
    expect(JSON.parse(fromAegis.stdout)).toEqual({ entries: [expected], errors: [] });
    const fromList = source.run([
      'import',
      '--format',
      'otpauth-list',
      list,
      '--dry-run',
      '--json',
      '--show-secrets',
    ]);
    expect(JSON.parse(fromList.stdout)).toEqual({ entries: [expected], errors: [] });
  });
});

describe('tessera import --format google-migration from an image', () => {
  // 2FAGuard Guard.Test/Import/GoogleAuthMigration.cs: two TOTP accounts (also used by the
  // transfer reader's unit tests).
  const TRANSFER =
    'otpauth-migration://offline?data=Ci0KEBfNhW48%2BTYHuJJjaGSVaDgSDHRlc3RAdGVzdC5kZRoFQXBwbGUgASgBMAIKLwoUULGGAD3E0ueYHAy7s69SLeV1tHISCXVzZXJAdGVzdBoGVG9rZW4yIAEoATACEAEYASAAKJbEnKb%2B%2F%2F%2F%2F%2FwE%3D';

  it('reads the transfer QR code in a PNG exactly as the same link given as text', async () => {
    const png = join(work, 'transfer.png');
    writeFileSync(png, await QRCode.toBuffer(TRANSFER, { margin: 4, scale: 6 }));
    const text = file('transfer.txt', `${TRANSFER}\n`);
    const { run } = profile();
    const args = ['--dry-run', '--json', '--show-secrets'];
    const fromImage = run(['import', '--format', 'google-migration', png, ...args]);
    const fromText = run(['import', '--format', 'google-migration', text, ...args]);
    expect(fromImage.stderr).toBe('');
    expect(fromImage.status).toBe(0);
    expect(fromText.status).toBe(0);
    expect(fromImage.stdout).toBe(fromText.stdout);
    const parsed = JSON.parse(fromImage.stdout) as { entries: { name: string }[] };
    expect(parsed.entries.map(entry => entry.name)).toEqual(['test@test.de', 'user@test']);
  });

  it('says so when the image holds no transfer code, and stores nothing', async () => {
    const png = join(work, 'link.png');
    writeFileSync(png, await QRCode.toBuffer('https://example.com/', { margin: 4, scale: 6 }));
    const { run, service } = profile();
    const result = run(['import', '--format', 'google-migration', png]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('none is a Google Authenticator transfer code');
    expect(await keytar.findCredentials(service)).toEqual([]);
  });
});
