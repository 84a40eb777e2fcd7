/**
 * The CLI's passphrase prompt (a terminal, no echo): used only when no --password-file is given,
 * asked twice for a new backup, and never an argument or an environment variable.
 */
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../main/cli/run';
import { DeviceService } from '../../../main/services/deviceService';
import { FakeClock } from '../../fakes/fakeClock';
import { InMemorySecretStore } from '../../fakes/inMemorySecretStore';
import { InMemoryUserFiles } from '../../fakes/inMemoryUserFiles';
import { InMemoryVaultStore } from '../../fakes/inMemoryVaultStore';

function makeCli(files: InMemoryUserFiles, answers: (string | undefined)[]) {
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  const vault = new InMemoryVaultStore();
  const secrets = new InMemorySecretStore();
  const questions: string[] = [];
  let ids = 0;
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: text => void (stdout += text),
    stderr: text => void (stderr += text),
    readStdin: () => Promise.resolve(''),
    sleep: () => Promise.resolve(),
    clock,
    env: { TESSERA_PASSPHRASE: 'never read' },
    homedir: '/home/test',
    readTextFile: path => Promise.resolve(path === '/pass.txt' ? 'from the file\n' : undefined),
    execPath: '/usr/bin/node',
    scriptPath: '/opt/tessera.js',
    files,
    promptSecret: question => {
      questions.push(question);
      return Promise.resolve(answers.shift());
    },
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
  const run = async (...argv: string[]) => {
    stdout = '';
    stderr = '';
    const exit = await runCli(argv, io);
    return { exit, stdout, stderr };
  };
  return { run, questions };
}

describe('tessera backup passphrase prompt', () => {
  it('asks twice for a new backup and once to restore it', async () => {
    const files = new InMemoryUserFiles();
    const source = makeCli(files, ['typed passphrase', 'typed passphrase']);
    await source.run('add', 'otpauth://totp/A:a?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(await source.run('backup', 'create', '/b.tessera')).toMatchObject({ exit: 0 });
    expect(source.questions).toEqual(['Backup passphrase: ', 'Again: ']);

    const target = makeCli(files, ['typed passphrase']);
    expect(await target.run('backup', 'restore', '/b.tessera')).toMatchObject({
      exit: 0,
      stdout: 'Restored 1 device; 0 already present.\n',
    });
    const wrong = makeCli(files, ['from the file']);
    expect(
      (await wrong.run('backup', 'restore', '/b.tessera', '--password-file', '/pass.txt')).stderr,
    ).toMatch(/Wrong passphrase/);
    expect(wrong.questions).toEqual([]); // the file wins; nothing is asked
  });

  it('refuses two different passphrases, and says how to pass one when there is no terminal', async () => {
    const files = new InMemoryUserFiles();
    const cli = makeCli(files, ['one passphrase', 'another one']);
    await cli.run('add', 'otpauth://totp/A:a?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(await cli.run('backup', 'create', '/b.tessera')).toMatchObject({ exit: 2 });
    expect(files.files.has('/b.tessera')).toBe(false);
    const noTerminal = makeCli(files, [undefined]);
    const result = await noTerminal.run('backup', 'create', '/b.tessera');
    expect(result.exit).toBe(2);
    expect(result.stderr).toMatch(/--password-file/);
  });
});
