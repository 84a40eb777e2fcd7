/**
 * The built `tessera` CLI (out/cli/tessera.js) against a real keychain (Secret Service) and a
 * real vault.json, with Debian's oathtool as the reference TOTP/HOTP implementation.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = resolve(import.meta.dirname, '../../../out/cli/tessera.js');
const SHA1_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const SHA256_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA';

const home = mkdtempSync(join(tmpdir(), 'tessera-cli-'));
const service = `tessera-cli-test-${randomBytes(6).toString('hex')}`;
const env = { ...process.env, TESSERA_HOME: home, TESSERA_KEYCHAIN_SERVICE: service };

function tessera(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: options.env ?? env,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function oathtool(args: string[]): string {
  return execFileSync('oathtool', args, { encoding: 'utf8' }).trim();
}

/** Waits until at least `ms` remain in the current period, so both tools see the same one. */
async function awayFromBoundary(periodSeconds: number, ms = 3_000): Promise<void> {
  const periodMs = periodSeconds * 1000;
  const left = periodMs - (Date.now() % periodMs);
  if (left < ms) await new Promise(done => setTimeout(done, left + 50));
}

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error('out/cli/tessera.js is missing: run `npm run build` first.');
});

afterAll(async () => {
  for (const { account } of await keytar.findCredentials(service))
    await keytar.deletePassword(service, account);
  rmSync(home, { recursive: true, force: true });
});

describe('tessera add / list / code', () => {
  let sha1Id = '';

  it('adds a device from an argument and prints its id and label', () => {
    const result = tessera([
      'add',
      `otpauth://totp/GitHub:alice?secret=${SHA1_SECRET}&issuer=GitHub`,
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^[0-9a-f-]{36}\tGitHub:alice\n$/);
    sha1Id = result.stdout.split('\t')[0] ?? '';
  });

  it('adds a device from stdin with "-", keeping the secret out of argv', () => {
    const uri = `otpauth://totp/Example:bob@example.com?secret=${SHA256_SECRET}&issuer=Example&algorithm=SHA256&digits=8&period=60`;
    const result = tessera(['add', '-'], { input: `${uri}\n` });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Example:bob@example.com');
  });

  it('prints the same SHA1/6/30 s code as oathtool', async () => {
    await awayFromBoundary(30);
    const ours = tessera(['code', 'github:alice']);
    const reference = oathtool(['--totp', '-b', SHA1_SECRET]);
    expect(ours).toMatchObject({ status: 0, stdout: `${reference}\n`, stderr: '' });
    expect(tessera(['code', sha1Id]).stdout).toBe(`${reference}\n`);
  });

  it('prints the same SHA256/8/60 s code as oathtool, and the next one with --next', async () => {
    await awayFromBoundary(60);
    const ours = tessera(['code', 'bob@example.com']);
    expect(ours.stdout).toBe(
      `${oathtool(['--totp=sha256', '--digits=8', '--time-step-size=60s', '-b', SHA256_SECRET])}\n`,
    );
    const next = tessera(['code', 'bob@example.com', '--next']);
    const inOneStep = new Date(Date.now() + 60_000)
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, ' UTC');
    expect(next.stdout).toBe(
      `${oathtool(['--totp=sha256', '--digits=8', '--time-step-size=60s', `--now=${inOneStep}`, '-b', SHA256_SECRET])}\n`,
    );
  });

  it('waits for a fresher code with --min-remaining, telling the user on stderr', () => {
    const added = tessera(['add', `otpauth://totp/Fast:clock?secret=${SHA1_SECRET}&period=3`]);
    expect(added.status).toBe(0);
    // Start a third of the way into a period, so the CLI's own check can never land exactly on
    // a boundary (the one instant with a full 3 s left).
    while (Date.now() % 3000 < 1000 || Date.now() % 3000 > 1500) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
    const started = Date.now();
    const result = tessera(['code', 'fast:clock', '--min-remaining', '3']);
    const finished = Date.now();
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/Waiting \d s for a fresh code/);
    expect(finished - started).toBeLessThan(3_000 + 2_000);
    const atPrint = new Date(finished - 300)
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, ' UTC');
    expect([
      oathtool(['--totp', '--time-step-size=3s', `--now=${atPrint}`, '-b', SHA1_SECRET]),
      oathtool(['--totp', '--time-step-size=3s', '-b', SHA1_SECRET]),
    ]).toContain(result.stdout.trim());
  });

  it('gives HOTP codes in counter order, like oathtool --hotp', () => {
    expect(
      tessera(['add', `otpauth://hotp/Counter:c?secret=${SHA1_SECRET}&counter=5`]).status,
    ).toBe(0);
    expect(tessera(['code', 'counter:c']).stdout).toBe(
      `${oathtool(['--hotp', '-c', '5', '-b', SHA1_SECRET])}\n`,
    );
    expect(tessera(['code', 'counter:c']).stdout).toBe(
      `${oathtool(['--hotp', '-c', '6', '-b', SHA1_SECRET])}\n`,
    );
  });

  it('lists devices as JSON without any secret', () => {
    const result = tessera(['list', '--json']);
    expect(result.status).toBe(0);
    const rows = JSON.parse(result.stdout) as { issuer: string; accountName: string }[];
    expect(rows.map(r => `${r.issuer}:${r.accountName}`)).toEqual([
      'GitHub:alice',
      'Example:bob@example.com',
      'Fast:clock',
      'Counter:c',
    ]);
    expect(result.stdout).not.toContain(SHA1_SECRET);
    expect(result.stdout).not.toContain(SHA256_SECRET);
    expect(readFileSync(join(home, 'vault.json'), 'utf8')).not.toContain(SHA1_SECRET);
  });
});

describe('tessera exit codes', () => {
  it('exits 3 when nothing matches', () => {
    expect(tessera(['code', 'bitbucket'])).toMatchObject({ status: 3, stdout: '' });
  });

  it('exits 4 on an ambiguous query and lists the candidates on stderr', () => {
    tessera(['add', `otpauth://totp/GitLab:alice?secret=${SHA1_SECRET}`]);
    const result = tessera(['code', 'alice']);
    expect(result).toMatchObject({ status: 4, stdout: '' });
    expect(result.stderr).toContain('GitHub:alice');
    expect(result.stderr).toContain('GitLab:alice');
  });

  it('exits 2 on usage errors', () => {
    expect(tessera([]).status).toBe(2);
    expect(tessera(['frobnicate']).status).toBe(2);
    expect(tessera(['code']).status).toBe(2);
    expect(tessera(['code', 'github:alice', '--min-remaining', 'soon']).status).toBe(2);
    expect(tessera(['code', 'github:alice', '--bogus']).status).toBe(2);
  });

  it('rejects a malformed URI with a specific message and changes nothing', async () => {
    const vaultBefore = readFileSync(join(home, 'vault.json'));
    const itemsBefore = (await keytar.findCredentials(service)).length;
    for (const [uri, message] of [
      ['otpauth://totp/Bad:x?secret=JBSWY3DP1HPK3PXP', /base32/],
      ['otpauth://totp/Bad:x?secret=JBSWY3DPEHPK3PXP&digits=12', /digits/i],
      ['otpauth://totp/Bad:x?secret=JBSWY3DPEHPK3PXP&period=0', /period/i],
      ['https://example.com/login', /web link|not an authenticator/i],
      ['otpauth://totp/Bad:x', /secret/i],
    ] as const) {
      const result = tessera(['add', uri]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(readFileSync(join(home, 'vault.json')).equals(vaultBefore)).toBe(true);
    expect((await keytar.findCredentials(service)).length).toBe(itemsBefore);
  });

  it('exits 5 when the keychain cannot be reached', () => {
    const result = tessera(['code', 'github:alice'], {
      env: { ...env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
    });
    expect(result.status).toBe(5);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/keychain|keyring|Secret Service/i);
  });
});
