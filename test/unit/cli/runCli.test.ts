/**
 * `runCli` on in-memory stores and a fake clock: the AWS companion commands (`edit`,
 * `code --serial / --profile`, `aws enable-command / resync-command / config-snippet`), their
 * output, messages and exit codes. Each call opens fresh services over the same stores, as
 * separate `tessera` processes would. Expected codes come from the otpauth library directly.
 */
import { HOTP, Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { runCli, USAGE, type CliIo } from '../../../main/cli/run';
import { DeviceService } from '../../../main/services/deviceService';
import { InMemoryUserFiles } from '../../fakes/inMemoryUserFiles';
import { FakeClock } from '../../fakes/fakeClock';
import { InMemorySecretStore } from '../../fakes/inMemorySecretStore';
import { InMemoryVaultStore } from '../../fakes/inMemoryVaultStore';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const OTHER_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const ACCOUNT = '123456789012';
const ARN = `arn:aws:iam::${ACCOUNT}:mfa/alice`;
const HOME = '/home/tester';
const DEFAULT_CONFIG = `${HOME}/.aws/config`;
/** 2026-01-01T00:00:00Z, the start of a 30 s period; `at(s)` is s seconds into it. */
const PERIOD_START = Date.UTC(2026, 0, 1);
const at = (seconds: number) => PERIOD_START + seconds * 1000;
const stepAt = (ms: number) => Math.floor(ms / 30_000);

const awsUri = (label: string, secret = SECRET) =>
  `otpauth://totp/Amazon%20Web%20Services:${encodeURIComponent(label)}?secret=${secret}&issuer=Amazon%20Web%20Services`;

/** The reference SHA1 / 6 digits code of a time step. */
const codeOf = (step: number, secret = SECRET) =>
  HOTP.generate({ secret: Secret.fromBase32(secret), counter: step });

interface Run {
  readonly exit: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A `tessera` over in-memory stores: run commands, inspect the stores and the sleeps. */
function makeCli(
  options: {
    startMs?: number;
    env?: Record<string, string>;
    files?: Record<string, string>;
    scriptPath?: string;
  } = {},
) {
  const clock = new FakeClock(options.startMs ?? at(5));
  const vault = new InMemoryVaultStore();
  const secrets = new InMemorySecretStore();
  const files = new Map(Object.entries(options.files ?? {}));
  const sleeps: number[] = [];
  let ids = 0;
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: text => void (stdout += text),
    stderr: text => void (stderr += text),
    readStdin: () => Promise.resolve(''),
    sleep: ms => {
      sleeps.push(ms);
      clock.advance(ms);
      return Promise.resolve();
    },
    clock,
    env: options.env ?? {},
    homedir: HOME,
    readTextFile: path => Promise.resolve(files.get(path)),
    execPath: '/usr/local/bin/node',
    scriptPath: options.scriptPath ?? '/opt/tessera/out/cli/tessera.js',
    files: new InMemoryUserFiles(),
    openDevices: mode =>
      DeviceService.open(
        {
          vault,
          secrets,
          clock,
          newId: () => `00000000-0000-4000-8000-${(++ids).toString().padStart(12, '0')}`,
        },
        { secrets: mode },
      ),
  };
  const run = async (...argv: string[]): Promise<Run> => {
    stdout = '';
    stderr = '';
    const exit = await runCli(argv, io);
    return { exit, stdout, stderr };
  };
  const add = async (uri: string): Promise<string> => {
    const result = await run('add', uri);
    expect(result.exit).toBe(0);
    return result.stdout.split('\t')[0] ?? '';
  };
  const stored = (id: string) => vault.document.devices.find(device => device.id === id);
  return { run, add, stored, clock, vault, secrets, files, sleeps };
}

/** A CLI holding one AWS device for alice in 123456789012, with its serial ARN attached. */
async function cliWithAlice(options: Parameters<typeof makeCli>[0] = {}) {
  const cli = makeCli(options);
  const id = await cli.add(awsUri(`alice@${ACCOUNT}`));
  expect((await cli.run('edit', id, '--serial', ARN, '--iam-user', 'alice')).exit).toBe(0);
  return { ...cli, id };
}

describe('tessera edit', () => {
  it('attaches a serial ARN and an IAM user, prints the device as JSON without a secret, and stores it', async () => {
    const cli = makeCli();
    const id = await cli.add(awsUri(`alice@${ACCOUNT}`));
    const result = await cli.run(
      'edit',
      `alice@${ACCOUNT}`,
      '--serial',
      ARN,
      '--iam-user',
      'alice',
    );
    expect(result).toMatchObject({ exit: 0, stderr: '' });
    const printed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(printed).toMatchObject({
      id,
      issuer: 'Amazon Web Services',
      accountName: `alice@${ACCOUNT}`,
      aws: {
        accountId: ACCOUNT,
        alias: null,
        deviceName: 'alice',
        iamUser: 'alice',
        root: false,
        serialArn: ARN,
      },
    });
    expect(printed).not.toHaveProperty('secretStatus');
    expect(result.stdout).not.toContain(SECRET);
    expect(cli.stored(id)?.aws).toEqual({
      accountId: ACCOUNT,
      deviceName: 'alice',
      principal: { kind: 'iam-user', userName: 'alice' },
      serialArn: ARN,
    });
  });

  it('keeps the AWS details that were not given', async () => {
    const { run, stored, id } = await cliWithAlice();
    expect((await run('edit', id, '--aws-account', 'acme-prod')).exit).toBe(0);
    expect(stored(id)?.aws).toEqual({
      accountId: ACCOUNT,
      alias: 'acme-prod',
      deviceName: 'alice',
      principal: { kind: 'iam-user', userName: 'alice' },
      serialArn: ARN,
    });
    expect((await run('edit', id, '--root')).exit).toBe(0);
    expect(stored(id)?.aws).toMatchObject({ principal: { kind: 'root' }, serialArn: ARN });
  });

  it('takes --aws-account as an account ID when it is 12 digits, dashes allowed, and as an alias otherwise', async () => {
    const cli = makeCli();
    const id = await cli.add(`otpauth://totp/Corp:alice?secret=${SECRET}&issuer=Corp`);
    expect((await cli.run('edit', id, '--aws-account', '1234-5678-9012')).exit).toBe(0);
    expect(cli.stored(id)?.aws).toEqual({ accountId: ACCOUNT, deviceName: 'alice' });
    expect((await cli.run('edit', id, '--aws-account', 'acme-prod')).exit).toBe(0);
    expect(cli.stored(id)?.aws).toEqual({
      accountId: ACCOUNT,
      alias: 'acme-prod',
      deviceName: 'alice',
    });
  });

  it("names the MFA device after the serial ARN given, else the stored name, else the device's account name", async () => {
    const cli = makeCli();
    const plain = await cli.add(`otpauth://totp/Corp:carol?secret=${SECRET}&issuer=Corp`);
    expect((await cli.run('edit', plain, '--iam-user', 'carol')).exit).toBe(0);
    expect(cli.stored(plain)?.aws?.deviceName).toBe('carol');
    const pathArn = `arn:aws:iam::${ACCOUNT}:mfa/team/carol-phone`;
    expect((await cli.run('edit', plain, '--serial', pathArn)).exit).toBe(0);
    expect(cli.stored(plain)?.aws).toMatchObject({ deviceName: 'carol-phone', serialArn: pathArn });
  });

  it('renames with --issuer and --name, together with AWS details', async () => {
    const cli = makeCli();
    const id = await cli.add(awsUri(`alice@${ACCOUNT}`));
    const result = await cli.run(
      'edit',
      id,
      '--issuer',
      'AWS prod',
      '--name',
      'Alice',
      '--serial',
      ARN,
    );
    expect(result.exit).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      issuer: 'AWS prod',
      accountName: 'Alice',
      aws: { serialArn: ARN },
    });
    expect(cli.stored(id)).toMatchObject({ issuer: 'AWS prod', accountName: 'Alice' });
    expect((await cli.run('edit', id, '--name', 'Alice (laptop)')).exit).toBe(0);
    expect(cli.stored(id)).toMatchObject({ issuer: 'AWS prod', accountName: 'Alice (laptop)' });
  });

  it('works while the keychain is locked: it changes metadata only', async () => {
    const cli = makeCli();
    const id = await cli.add(awsUri(`alice@${ACCOUNT}`));
    cli.secrets.unavailable = true;
    expect((await cli.run('edit', id, '--serial', ARN)).exit).toBe(0);
  });

  it.each([
    [['--serial', 'arn:aws:iam::123456789012:user/alice'], /IAM user, not of an MFA device/],
    [['--serial', 'arn:aws:iam::210987654321:mfa/alice'], /belongs to account 210987654321/],
    [['--aws-account', '12345'], /exactly 12 digits/],
    [['--aws-account', 'Acme_Prod'], /alias/],
    [['--iam-user', 'alice smith'], /IAM user name/],
    [['--issuer', '', '--name', ''], /issuer or an account name/],
    [['--issuer', 'x'.repeat(300)], /at most 256/],
    [['--serial', `arn:aws:iam::${ACCOUNT}:mfa/${'p'.repeat(480)}/alice`], /at most 512/],
    [['--name', 'ok', '--aws-account', '99'], /exactly 12 digits/],
    [['--issuer', 'Fine', '--serial', 'not-an-arn'], /arn:aws:iam::123456789012:mfa/],
  ])('refuses %j with exit code 2 and writes nothing', async (options, message) => {
    const cli = makeCli();
    const id = await cli.add(awsUri(`alice@${ACCOUNT}`));
    const before = cli.vault.document;
    const writes = cli.vault.writes;
    const result = await cli.run('edit', id, ...options);
    expect(result).toMatchObject({ exit: 2, stdout: '' });
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Nothing was changed');
    expect(cli.vault.writes).toBe(writes);
    expect(cli.vault.document).toEqual(before);
  });

  it('refuses --iam-user with --root, and an edit without any option, as usage errors', async () => {
    const cli = makeCli();
    const id = await cli.add(awsUri(`alice@${ACCOUNT}`));
    const writes = cli.vault.writes;
    const both = await cli.run('edit', id, '--iam-user', 'alice', '--root');
    expect(both.exit).toBe(2);
    expect(both.stderr).toMatch(/--iam-user and --root/);
    expect((await cli.run('edit', id)).exit).toBe(2);
    expect((await cli.run('edit', '--serial', ARN)).exit).toBe(2);
    expect((await cli.run('edit', id, '--aws-account', ' ')).exit).toBe(2);
    expect((await cli.run('edit', id, '--bogus')).exit).toBe(2);
    expect(cli.vault.writes).toBe(writes);
  });

  it('exits 3 for an unknown query and 4 for an ambiguous one', async () => {
    const cli = makeCli();
    await cli.add(awsUri(`alice@${ACCOUNT}`));
    await cli.add(`otpauth://totp/GitHub:alice?secret=${OTHER_SECRET}&issuer=GitHub`);
    expect(await cli.run('edit', 'bitbucket', '--serial', ARN)).toMatchObject({
      exit: 3,
      stdout: '',
    });
    const ambiguous = await cli.run('edit', 'lice', '--serial', ARN);
    expect(ambiguous).toMatchObject({ exit: 4, stdout: '' });
    expect(ambiguous.stderr).toContain('GitHub:alice');
  });
});

describe('tessera code --serial', () => {
  it('prints only the code of the device with that serial ARN, and a newline', async () => {
    const { run } = await cliWithAlice({ startMs: at(12) });
    const result = await run('code', '--serial', ARN);
    expect(result).toEqual({ exit: 0, stdout: `${codeOf(stepAt(at(12)))}\n`, stderr: '' });
    expect((await run('code', 'alice')).stdout).toBe(result.stdout);
  });

  it('records the printed time step as used', async () => {
    const { run, stored, id } = await cliWithAlice({ startMs: at(12) });
    await run('code', '--serial', ARN);
    expect(stored(id)).toMatchObject({ lastCopiedStep: stepAt(at(12)), lastUsedAt: at(12) });
    await run('code', '--serial', ARN, '--next');
    expect(stored(id)?.lastCopiedStep).toBe(stepAt(at(12)) + 1);
  });

  it('exits 3 when no device has the serial ARN, saying how to attach it', async () => {
    const { run } = await cliWithAlice();
    const result = await run('code', '--serial', 'arn:aws:iam::123456789012:mfa/bob');
    expect(result).toMatchObject({ exit: 3, stdout: '' });
    expect(result.stderr).toContain(
      'tessera edit <query> --serial arn:aws:iam::123456789012:mfa/bob',
    );
  });

  it('exits 4 when several devices carry the same serial ARN, listing them', async () => {
    const cli = await cliWithAlice();
    const twin = await cli.add(awsUri(`alice-copy@${ACCOUNT}`));
    expect((await cli.run('edit', twin, '--serial', ARN)).exit).toBe(0);
    const result = await cli.run('code', '--serial', ARN);
    expect(result).toMatchObject({ exit: 4, stdout: '' });
    expect(result.stderr).toContain(cli.id);
    expect(result.stderr).toContain(twin);
  });

  it('waits with --min-remaining for a fresh code, on the fake clock', async () => {
    const { run, sleeps } = await cliWithAlice({ startMs: at(27) });
    const result = await run('code', '--serial', ARN, '--min-remaining', '5');
    expect(result.exit).toBe(0);
    expect(result.stderr).toBe('Waiting 3 s for a fresh code…\n');
    expect(sleeps).toEqual([3_005]);
    expect(result.stdout).toBe(`${codeOf(stepAt(at(30)))}\n`);
  });

  it('exits 5 when the keychain is locked', async () => {
    const cli = await cliWithAlice();
    cli.secrets.unavailable = true;
    expect(await cli.run('code', '--serial', ARN)).toMatchObject({ exit: 5, stdout: '' });
  });

  it.each([
    [['code']],
    [['code', 'alice', '--serial', ARN]],
    [['code', '--serial', ARN, '--profile', 'dev']],
    [['code', 'alice', '--profile', 'dev']],
    [['code', 'alice', 'bob']],
    [['code', '--serial', '']],
    [['code', '--profile', ' ']],
    [['code', '--serial']],
  ])('exits 2 unless exactly one of query, --serial and --profile is given: %j', async argv => {
    const { run } = await cliWithAlice();
    const result = await run(...argv);
    expect(result).toMatchObject({ exit: 2, stdout: '' });
    expect(result.stderr).toContain('tessera help');
  });
});

describe('tessera code --profile', () => {
  const config = [
    '# AWS CLI profiles',
    '[default]',
    'region = eu-west-1',
    '',
    '[profile dev]',
    `MFA_Serial = ${ARN}   ; my phone`,
    '',
    '[profile admin]',
    'role_arn = arn:aws:iam::123456789012:role/Admin',
    'source_profile = dev',
    '',
    '[profile ping]',
    'source_profile = pong',
    '[profile pong]',
    'source_profile = ping',
    '',
    '[profile other]',
    'mfa_serial = arn:aws:iam::123456789012:mfa/bob',
  ].join('\r\n');

  it('reads mfa_serial from $AWS_CONFIG_FILE and prints that device’s code', async () => {
    const file = '/tmp/aws/config';
    const { run } = await cliWithAlice({
      startMs: at(12),
      env: { AWS_CONFIG_FILE: file },
      files: { [file]: config },
    });
    expect(await run('code', '--profile', 'dev')).toEqual({
      exit: 0,
      stdout: `${codeOf(stepAt(at(12)))}\n`,
      stderr: '',
    });
  });

  it('reads ~/.aws/config when AWS_CONFIG_FILE is unset or empty, and expands ~ in it', async () => {
    const { run } = await cliWithAlice({
      files: { [DEFAULT_CONFIG]: config, [`${HOME}/elsewhere/config`]: config },
    });
    expect((await run('code', '--profile', 'dev')).exit).toBe(0);
    const empty = await cliWithAlice({
      env: { AWS_CONFIG_FILE: '' },
      files: { [DEFAULT_CONFIG]: config },
    });
    expect((await empty.run('code', '--profile', 'dev')).exit).toBe(0);
    const tilde = await cliWithAlice({
      env: { AWS_CONFIG_FILE: '~/elsewhere/config' },
      files: { [`${HOME}/elsewhere/config`]: config },
    });
    expect((await tilde.run('code', '--profile', 'dev')).exit).toBe(0);
  });

  it('follows source_profile when the profile has no mfa_serial of its own', async () => {
    const { run } = await cliWithAlice({ startMs: at(12), files: { [DEFAULT_CONFIG]: config } });
    expect((await run('code', '--profile', 'admin')).stdout).toBe(`${codeOf(stepAt(at(12)))}\n`);
  });

  it('works with --min-remaining', async () => {
    const { run, sleeps } = await cliWithAlice({
      startMs: at(28),
      files: { [DEFAULT_CONFIG]: config },
    });
    const result = await run('code', '--profile', 'dev', '--min-remaining', '10');
    expect(result.stdout).toBe(`${codeOf(stepAt(at(30)))}\n`);
    expect(sleeps).toEqual([2_005]);
  });

  it.each([
    ['nope', /has no profile "nope" \(a \[profile nope\] section\)/],
    ['default', /Profile "default" in \/home\/tester\/\.aws\/config has no mfa_serial/],
    ['ping', /loop \(ping → pong → ping\)/],
    [
      'other',
      /no device has the MFA serial arn:aws:iam::123456789012:mfa\/bob \(mfa_serial of profile "other" in \/home\/tester\/\.aws\/config\)/,
    ],
  ])('exits 3 for profile %s, with a message that names the file', async (profile, message) => {
    const { run } = await cliWithAlice({ files: { [DEFAULT_CONFIG]: config } });
    const result = await run('code', '--profile', profile);
    expect(result).toMatchObject({ exit: 3, stdout: '' });
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain(DEFAULT_CONFIG);
  });

  it('exits 3 when the config file does not exist, naming it', async () => {
    const { run } = await cliWithAlice({ env: { AWS_CONFIG_FILE: '/nowhere/config' } });
    const result = await run('code', '--profile', 'dev');
    expect(result).toMatchObject({ exit: 3, stdout: '' });
    expect(result.stderr).toContain('The AWS config file /nowhere/config does not exist');
  });
});

describe('tessera aws enable-command / resync-command', () => {
  it('prints the enable command at once with code 1 of the previous period and code 2 of the current one', async () => {
    const { run, sleeps } = await cliWithAlice({ startMs: at(5) });
    const step = stepAt(at(5));
    const result = await run('aws', 'enable-command', 'alice', '--user-name', 'alice');
    expect(result).toEqual({
      exit: 0,
      stdout: `aws iam enable-mfa-device --user-name alice --serial-number ${ARN} --authentication-code1 ${codeOf(step - 1)} --authentication-code2 ${codeOf(step)}\n`,
      stderr: '',
    });
    expect(sleeps).toEqual([]);
  });

  it('waits for the rollover when fewer than 20 s are left, then prints the fresh pair', async () => {
    const { run, sleeps, clock } = await cliWithAlice({ startMs: at(15) });
    const result = await run('aws', 'enable-command', 'alice', '--user-name', 'alice');
    expect(result.exit).toBe(0);
    expect(result.stderr).toBe(
      'Waiting 15 s for a fresh period so the codes stay valid long enough…\n',
    );
    expect(sleeps).toEqual([15_005]);
    const step = stepAt(at(30));
    expect(result.stdout).toContain(
      `--authentication-code1 ${codeOf(step - 1)} --authentication-code2 ${codeOf(step)}\n`,
    );
    expect(30_000 - (clock.nowMs() % 30_000)).toBeGreaterThanOrEqual(20_000);
  });

  it('waits when exactly 20 s are left, keeping a margin for printing', async () => {
    const { run, sleeps } = await cliWithAlice({ startMs: at(10) });
    expect((await run('aws', 'enable-command', 'alice')).exit).toBe(0);
    expect(sleeps).toEqual([20_005]);
  });

  it('prints the resync command the same way', async () => {
    const { run } = await cliWithAlice({ startMs: at(2) });
    const step = stepAt(at(2));
    expect((await run('aws', 'resync-command', ARN.slice(-5), '--user-name', 'alice')).stdout).toBe(
      `aws iam resync-mfa-device --user-name alice --serial-number ${ARN} --authentication-code1 ${codeOf(step - 1)} --authentication-code2 ${codeOf(step)}\n`,
    );
  });

  it("takes the user name from the device's IAM user, and --user-name over it", async () => {
    const { run } = await cliWithAlice();
    expect((await run('aws', 'enable-command', 'alice')).stdout).toContain('--user-name alice ');
    expect(
      (await run('aws', 'enable-command', 'alice', '--user-name', 'alice.smith@corp')).stdout,
    ).toContain('--user-name alice.smith@corp ');
  });

  it('takes --serial over the stored serial ARN, and works without a stored one', async () => {
    const cli = makeCli();
    await cli.add(awsUri(`bob@${ACCOUNT}`));
    const bobArn = `arn:aws:iam::${ACCOUNT}:mfa/bob`;
    const result = await cli.run(
      'aws',
      'enable-command',
      'bob',
      '--user-name',
      'bob',
      '--serial',
      bobArn,
    );
    expect(result.exit).toBe(0);
    expect(result.stdout).toContain(`--serial-number ${bobArn} `);
  });

  it('records code 2’s period as used', async () => {
    const { run, stored, id } = await cliWithAlice({ startMs: at(5) });
    await run('aws', 'enable-command', 'alice');
    expect(stored(id)?.lastCopiedStep).toBe(stepAt(at(5)));
  });

  it('exits 2 without a serial ARN, saying how to add one', async () => {
    const cli = makeCli();
    await cli.add(awsUri(`bob@${ACCOUNT}`));
    const result = await cli.run('aws', 'enable-command', 'bob', '--user-name', 'bob');
    expect(result).toMatchObject({ exit: 2, stdout: '' });
    expect(result.stderr).toContain('add the serial ARN with `tessera edit bob --serial …`');
  });

  it('exits 2 for the root user, who enables and resyncs MFA in the console only', async () => {
    const { run, id } = await cliWithAlice();
    expect((await run('edit', id, '--root')).exit).toBe(0);
    const enable = await run('aws', 'enable-command', 'alice', '--user-name', 'alice');
    expect(enable).toMatchObject({ exit: 2, stdout: '' });
    expect(enable.stderr).toContain('The root user enables MFA in the AWS console only');
    const resync = await run('aws', 'resync-command', 'alice');
    expect(resync).toMatchObject({ exit: 2, stdout: '' });
    expect(resync.stderr).toContain('The root user resyncs MFA in the AWS console only');
  });

  it('exits 2 without a user name, with a bad one, with a bad --serial, or for an HOTP device', async () => {
    const cli = makeCli();
    await cli.add(awsUri(`bob@${ACCOUNT}`));
    await cli.add(`otpauth://hotp/Counter:c?secret=${OTHER_SECRET}&counter=1`);
    const bobArn = `arn:aws:iam::${ACCOUNT}:mfa/bob`;
    const noUser = await cli.run('aws', 'enable-command', 'bob', '--serial', bobArn);
    expect(noUser).toMatchObject({ exit: 2, stdout: '' });
    expect(noUser.stderr).toContain('--user-name');
    expect(
      (await cli.run('aws', 'enable-command', 'bob', '--serial', bobArn, '--user-name', 'b b'))
        .exit,
    ).toBe(2);
    expect(
      (await cli.run('aws', 'enable-command', 'bob', '--user-name', 'bob', '--serial', 'arn:nope'))
        .exit,
    ).toBe(2);
    const hotp = await cli.run(
      'aws',
      'enable-command',
      'counter:c',
      '--user-name',
      'bob',
      '--serial',
      bobArn,
    );
    expect(hotp).toMatchObject({ exit: 2, stdout: '' });
    expect(hotp.stderr).toContain('TOTP');
  });

  it('exits 3, 4 and 5 like code does', async () => {
    const cli = await cliWithAlice();
    await cli.add(`otpauth://totp/GitHub:alice?secret=${OTHER_SECRET}&issuer=GitHub`);
    expect((await cli.run('aws', 'enable-command', 'bitbucket', '--user-name', 'a')).exit).toBe(3);
    expect((await cli.run('aws', 'enable-command', 'lice', '--user-name', 'a')).exit).toBe(4);
    cli.secrets.unavailable = true;
    expect((await cli.run('aws', 'enable-command', cli.id)).exit).toBe(5);
  });
});

describe('tessera aws config-snippet', () => {
  it('prints the profile with mfa_serial and an mfa_process that runs this CLI', async () => {
    const { run } = await cliWithAlice();
    expect(await run('aws', 'config-snippet', 'work', 'alice')).toEqual({
      exit: 0,
      stdout: `[profile work]\nmfa_serial = ${ARN}\nmfa_process = /usr/local/bin/node /opt/tessera/out/cli/tessera.js code --serial ${ARN}\n`,
      stderr: '',
    });
  });

  it('quotes paths for the shell and writes the default profile as [default]', async () => {
    const { run } = await cliWithAlice({ scriptPath: "/home/me/My Tools/it's/tessera.js" });
    expect((await run('aws', 'config-snippet', 'default', 'alice')).stdout).toBe(
      `[default]\nmfa_serial = ${ARN}\nmfa_process = /usr/local/bin/node '/home/me/My Tools/it'\\''s/tessera.js' code --serial ${ARN}\n`,
    );
  });

  it('gives a snippet that code --profile reads back to the same device', async () => {
    const cli = await cliWithAlice({ startMs: at(12) });
    const snippet = (await cli.run('aws', 'config-snippet', 'work', 'alice')).stdout;
    cli.files.set(DEFAULT_CONFIG, snippet);
    expect((await cli.run('code', '--profile', 'work')).stdout).toBe(`${codeOf(stepAt(at(12)))}\n`);
    const argv = /mfa_process = \S+ \S+ (.*)\n/u.exec(snippet)?.[1]?.split(' ') ?? [];
    expect((await cli.run(...argv)).stdout).toBe(`${codeOf(stepAt(at(12)))}\n`);
  });

  it('warns when a path holds # or ;, which aws-vault would read as a comment', async () => {
    const { run } = await cliWithAlice({ scriptPath: '/opt/c#/tessera.js' });
    const result = await run('aws', 'config-snippet', 'work', 'alice');
    expect(result.exit).toBe(0);
    expect(result.stderr).toMatch(/^warning: .*# or ;/u);
  });

  it('exits 2 without a serial ARN, saying how to add it', async () => {
    const cli = makeCli();
    await cli.add(awsUri(`bob@${ACCOUNT}`));
    const result = await cli.run('aws', 'config-snippet', 'work', 'bob');
    expect(result).toMatchObject({ exit: 2, stdout: '' });
    expect(result.stderr).toContain(
      'tessera edit bob --serial arn:aws:iam::<account-id>:mfa/<device-name>',
    );
  });

  it('exits 2 for a missing argument or a profile name that needs quoting', async () => {
    const { run } = await cliWithAlice();
    expect((await run('aws', 'config-snippet', 'work')).exit).toBe(2);
    expect((await run('aws', 'config-snippet', 'my team', 'alice')).exit).toBe(2);
    expect((await run('aws', 'config-snippet', 'a]b', 'alice')).exit).toBe(2);
  });
});

describe('tessera aws and help', () => {
  it('exits 2 for a missing or unknown aws subcommand', async () => {
    const { run } = makeCli();
    expect((await run('aws')).exit).toBe(2);
    const unknown = await run('aws', 'login');
    expect(unknown.exit).toBe(2);
    expect(unknown.stderr).toContain('Unknown aws subcommand "login"');
  });

  it('documents every command in the usage text', async () => {
    const { run } = makeCli();
    const help = await run('help');
    expect(help).toEqual({ exit: 0, stdout: USAGE, stderr: '' });
    for (const text of [
      'code --serial <mfa-arn>',
      'code --profile <aws-profile>',
      'edit <query>',
      '--iam-user <name> | --root',
      'aws enable-command <query>',
      'aws resync-command <query>',
      'aws config-snippet <profile> <query>',
      'AWS_CONFIG_FILE',
    ]) {
      expect(USAGE).toContain(text);
    }
  });
});
