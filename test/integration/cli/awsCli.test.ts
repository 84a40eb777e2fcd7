/**
 * The built `tessera` CLI (out/cli/tessera.js) as the AWS CLI and aws-vault use it, against a
 * real keychain (Secret Service), a real vault.json and a real AWS config file, with Debian's
 * oathtool as the reference: `edit`, `code --serial`, `code --profile`, `aws enable-command` /
 * `resync-command` timing on the wall clock, and the aws-vault `config-snippet` run by a shell.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shellQuote } from '../../../main/core/aws/cliCommands';

const CLI = resolve(import.meta.dirname, '../../../out/cli/tessera.js');
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const OTHER_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const ACCOUNT = '123456789012';
const ARN = `arn:aws:iam::${ACCOUNT}:mfa/alice`;
const FAST_ARN = `arn:aws:iam::${ACCOUNT}:mfa/fast`;

const home = mkdtempSync(join(tmpdir(), 'tessera-aws-cli-'));
const awsConfig = join(home, 'aws', 'config');
const service = `tessera-aws-cli-test-${randomBytes(6).toString('hex')}`;
const env = {
  ...process.env,
  TESSERA_HOME: home,
  TESSERA_KEYCHAIN_SERVICE: service,
  AWS_CONFIG_FILE: awsConfig,
};

function tessera(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: options.env ?? env,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** oathtool's TOTP for `secret` at `atMs` (whole seconds, UTC), 30 s periods unless told. */
function oathtool(secret: string, atMs: number, periodSeconds = 30): string {
  const now = new Date(atMs)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
  return execFileSync(
    'oathtool',
    ['--totp', `--time-step-size=${periodSeconds}s`, `--now=${now}`, '-b', secret],
    { encoding: 'utf8' },
  ).trim();
}

const leftInPeriod = (nowMs: number, periodMs = 30_000) => periodMs - (nowMs % periodMs);
const sleep = (ms: number) => new Promise(done => setTimeout(done, ms));

/** Waits until at least `ms` remain in the current 30 s period, so both tools see the same one. */
async function awayFromBoundary(ms = 3_000): Promise<void> {
  const left = leftInPeriod(Date.now());
  if (left < ms) await sleep(left + 50);
}

beforeAll(() => {
  if (!existsSync(CLI)) {
    throw new Error(
      'out/cli/tessera.js is missing: run `npx vite build -c vite.cli.config.ts` first.',
    );
  }
  mkdirSync(join(home, 'aws'));
});

afterAll(async () => {
  for (const { account } of await keytar.findCredentials(service))
    await keytar.deletePassword(service, account);
  rmSync(home, { recursive: true, force: true });
});

describe('tessera edit, then code by serial ARN and by AWS profile', () => {
  it('attaches the serial ARN and IAM user and prints the device as JSON, without the secret', () => {
    const uri = `otpauth://totp/Amazon%20Web%20Services:alice@${ACCOUNT}?secret=${SECRET}&issuer=Amazon%20Web%20Services`;
    expect(tessera(['add', '-'], { input: `${uri}\n` }).status).toBe(0);
    const result = tessera(['edit', `alice@${ACCOUNT}`, '--serial', ARN, '--iam-user', 'alice']);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toMatchObject({
      issuer: 'Amazon Web Services',
      aws: { accountId: ACCOUNT, deviceName: 'alice', iamUser: 'alice', serialArn: ARN },
    });
    expect(result.stdout).not.toContain(SECRET);
    const vault = readFileSync(join(home, 'vault.json'), 'utf8');
    expect(vault).toContain(ARN);
    expect(vault).not.toContain(SECRET);
  });

  it('refuses an invalid edit with exit code 2 and leaves vault.json as it was', () => {
    const before = readFileSync(join(home, 'vault.json'));
    const result = tessera([
      'edit',
      'alice',
      '--name',
      'Renamed',
      '--serial',
      'arn:aws:iam::210987654321:mfa/alice',
    ]);
    expect(result).toMatchObject({ status: 2, stdout: '' });
    expect(result.stderr).toMatch(/belongs to account 210987654321/);
    expect(readFileSync(join(home, 'vault.json')).equals(before)).toBe(true);
  });

  it('prints the same code as oathtool with --serial', async () => {
    await awayFromBoundary();
    const result = tessera(['code', '--serial', ARN]);
    expect(result).toEqual({
      status: 0,
      stdout: `${oathtool(SECRET, Date.now())}\n`,
      stderr: '',
    });
  });

  it('prints the same code as oathtool with --profile, directly or through source_profile', async () => {
    writeFileSync(
      awsConfig,
      [
        '# written by the test',
        '[default]',
        'region = eu-west-1',
        '',
        '[profile work]',
        `mfa_serial = ${ARN}  # alice's phone`,
        '',
        '[profile work-admin]',
        `role_arn = arn:aws:iam::${ACCOUNT}:role/Admin`,
        'source_profile = work',
        '',
        '[profile fast]',
        `Mfa_Serial=${FAST_ARN}`,
      ].join('\n'),
    );
    await awayFromBoundary();
    const reference = `${oathtool(SECRET, Date.now())}\n`;
    expect(tessera(['code', '--profile', 'work'])).toEqual({
      status: 0,
      stdout: reference,
      stderr: '',
    });
    expect(tessera(['code', '--profile', 'work-admin']).stdout).toBe(reference);
  });

  it('reads ~/.aws/config when AWS_CONFIG_FILE is not set', async () => {
    const fakeHome = join(home, 'home');
    mkdirSync(join(fakeHome, '.aws'), { recursive: true });
    writeFileSync(join(fakeHome, '.aws', 'config'), `[profile work]\nmfa_serial = ${ARN}\n`);
    const { AWS_CONFIG_FILE: _unset, ...rest } = env;
    await awayFromBoundary();
    const result = tessera(['code', '--profile', 'work'], { env: { ...rest, HOME: fakeHome } });
    expect(result).toEqual({ status: 0, stdout: `${oathtool(SECRET, Date.now())}\n`, stderr: '' });
  });

  it('exits 3, naming the file, for a missing profile or a missing config file', () => {
    const missingProfile = tessera(['code', '--profile', 'nope']);
    expect(missingProfile).toMatchObject({ status: 3, stdout: '' });
    expect(missingProfile.stderr).toContain(awsConfig);
    const missingFile = tessera(['code', '--profile', 'work'], {
      env: { ...env, AWS_CONFIG_FILE: join(home, 'no-such-config') },
    });
    expect(missingFile).toMatchObject({ status: 3, stdout: '' });
    expect(missingFile.stderr).toContain(join(home, 'no-such-config'));
  });

  it('exits 3 for an unknown query or serial ARN, and 4 for an ambiguous query', () => {
    expect(
      tessera(['add', `otpauth://totp/GitHub:alice?secret=${OTHER_SECRET}&issuer=GitHub`]).status,
    ).toBe(0);
    expect(tessera(['code', 'bitbucket'])).toMatchObject({ status: 3, stdout: '' });
    const unknownSerial = tessera(['code', '--serial', `arn:aws:iam::${ACCOUNT}:mfa/nobody`]);
    expect(unknownSerial).toMatchObject({ status: 3, stdout: '' });
    expect(unknownSerial.stderr).toContain('tessera edit');
    const ambiguous = tessera(['code', 'lice']);
    expect(ambiguous).toMatchObject({ status: 4, stdout: '' });
    expect(ambiguous.stderr).toContain('GitHub:alice');
    expect(ambiguous.stderr).toContain(`Amazon Web Services:alice@${ACCOUNT}`);
    expect(tessera(['edit', 'lice', '--serial', ARN]).status).toBe(4);
  });

  it('waits across a period boundary with --min-remaining, by profile (3 s periods)', () => {
    expect(
      tessera(['add', `otpauth://totp/Fast:clock?secret=${OTHER_SECRET}&period=3`]).status,
    ).toBe(0);
    expect(tessera(['edit', 'fast:clock', '--serial', FAST_ARN]).status).toBe(0);
    // A third of the way into a period: the CLI's check never lands exactly on a boundary.
    while (Date.now() % 3000 < 1000 || Date.now() % 3000 > 1500) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
    const started = Date.now();
    const result = tessera(['code', '--profile', 'fast', '--min-remaining', '3']);
    const finished = Date.now();
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^Waiting \d s for a fresh code…\n$/u);
    expect(Math.floor(finished / 3_000)).toBeGreaterThan(Math.floor(started / 3_000));
    expect(finished - started).toBeLessThan(3_000 + 2_000);
    expect([
      oathtool(OTHER_SECRET, finished - 300, 3),
      oathtool(OTHER_SECRET, finished, 3),
    ]).toContain(result.stdout.trim());
  });
});

describe('tessera aws enable-command and resync-command on the wall clock', () => {
  const COMMAND =
    /^aws iam (enable|resync)-mfa-device --user-name alice --serial-number (\S+) --authentication-code1 (\d{6}) --authentication-code2 (\d{6})\n$/u;

  /** Runs a command and checks its pair against oathtool at the moment the process exited. */
  function runAndCheck(verb: 'enable' | 'resync') {
    const started = Date.now();
    const result = tessera(['aws', `${verb}-command`, `alice@${ACCOUNT}`]);
    const exitedAt = Date.now();
    expect(result.status).toBe(0);
    const match = COMMAND.exec(result.stdout);
    expect(match?.slice(1, 3)).toEqual([verb, ARN]);
    expect(match?.[3]).toBe(oathtool(SECRET, exitedAt - 30_000));
    expect(match?.[4]).toBe(oathtool(SECRET, exitedAt));
    const validityLeftMs = leftInPeriod(exitedAt);
    expect(validityLeftMs).toBeGreaterThanOrEqual(20_000);
    console.log(
      `aws ${verb}-command: ran ${exitedAt - started} ms, code 2 valid ${validityLeftMs} ms after exit`,
    );
    return { result, startedLeftMs: leftInPeriod(started) };
  }

  it('waits for the rollover when fewer than 20 s are left, then prints codes valid for ≥ 20 s', async () => {
    const left = leftInPeriod(Date.now());
    if (left < 3_000 || left > 19_000) await sleep((left - 15_000 + 30_000) % 30_000);
    const { result, startedLeftMs } = runAndCheck('enable');
    expect(startedLeftMs).toBeLessThan(20_000);
    expect(result.stderr).toMatch(
      /^Waiting \d+ s for a fresh period so the codes stay valid long enough…\n$/u,
    );
  }, 90_000);

  it('prints at once while the current period has enough time left, and resync likewise', async () => {
    const left = leftInPeriod(Date.now());
    if (left < 24_000) await sleep(left + 100);
    const enable = runAndCheck('enable');
    expect(enable.result.stderr).toBe('');
    const resync = runAndCheck('resync');
    expect(resync.result.stderr).toBe('');
  }, 90_000);

  it('exits 2 for the root user, and without a serial ARN', () => {
    expect(tessera(['edit', 'github:alice', '--root']).status).toBe(0);
    const root = tessera(['aws', 'enable-command', 'github:alice', '--serial', ARN]);
    expect(root).toMatchObject({ status: 2, stdout: '' });
    expect(root.stderr).toContain('The root user enables MFA in the AWS console only');
    expect(tessera(['edit', 'github:alice', '--iam-user', 'bob']).status).toBe(0);
    const noSerial = tessera(['aws', 'enable-command', 'github:alice']);
    expect(noSerial).toMatchObject({ status: 2, stdout: '' });
    expect(noSerial.stderr).toContain('tessera edit github:alice --serial');
  });
});

describe('tessera aws config-snippet', () => {
  it('prints mfa_serial and an mfa_process that a shell runs to get the current code', async () => {
    const result = tessera(['aws', 'config-snippet', 'work', `alice@${ACCOUNT}`]);
    const mfaProcess = `${shellQuote(process.execPath)} ${shellQuote(CLI)} code --serial ${ARN}`;
    expect(result).toEqual({
      status: 0,
      stdout: `[profile work]\nmfa_serial = ${ARN}\nmfa_process = ${mfaProcess}\n`,
      stderr: '',
    });
    // aws-vault runs mfa_process through the shell and reads the code from its stdout.
    await awayFromBoundary();
    const code = execFileSync('/bin/sh', ['-c', mfaProcess], { env, encoding: 'utf8' });
    expect(code).toBe(`${oathtool(SECRET, Date.now())}\n`);
  });
});
