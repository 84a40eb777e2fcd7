import { afterEach, describe, expect, it } from 'vitest';
import { hotpAt } from '../../../main/core/otp/codes';
import { OtpSecret } from '../../../main/core/secret';
import { RFC_SEED_B32, startTestTessera, T0, type TestTessera } from '../../support/services';

const seed = OtpSecret.fromBytes(new TextEncoder().encode('12345678901234567890'));
const codeAtStep = (step: number) => hotpAt(seed, 'SHA1', 6, step);
const stepAt = (ms: number) => Math.floor(ms / 30_000);

let t: TestTessera;
afterEach(async () => {
  await t.app.stop();
});

async function awsDevice(details = true): Promise<string> {
  const added = await t.app.devices.addFromUri(
    `otpauth://totp/Amazon%20Web%20Services:alice@123456789012?secret=${RFC_SEED_B32}&issuer=Amazon%20Web%20Services`,
  );
  if (!added.ok) throw new Error('setup');
  if (details) {
    const edited = await t.app.devices.editAws(added.device.id, {
      accountId: '123456789012',
      alias: null,
      deviceName: 'alice',
      principal: { kind: 'iam-user', userName: 'alice' },
      serialArn: 'arn:aws:iam::123456789012:mfa/alice',
    });
    expect(edited).toEqual({ ok: true });
  }
  return added.device.id;
}

describe('the reuse guard', () => {
  it('refuses a second copy of the same code in the same period, saying when the next one comes', async () => {
    t = await startTestTessera();
    const id = await awsDevice(false);
    expect(await t.transport.invoke('codes.copy', id, 'current')).toMatchObject({ ok: true });
    const second = await t.transport.invoke('codes.copy', id, 'current');
    const nextAt = (stepAt(T0) + 1) * 30_000;
    expect(second).toEqual({
      ok: false,
      reason: 'already-used',
      message: 'Already used — AWS and most sites accept each code once. Next code in 20 s.',
      nextCodeAtMs: nextAt,
    });
    expect(t.clipboard.writes).toHaveLength(1);
  });

  it('lets the copy through after the rollover, and when the user confirms', async () => {
    t = await startTestTessera();
    const id = await awsDevice(false);
    await t.transport.invoke('codes.copy', id, 'current');
    expect(
      await t.transport.invoke('codes.copy', id, 'current', { allowReuse: true }),
    ).toMatchObject({ ok: true });
    t.clock.advance(20_000);
    expect(await t.transport.invoke('codes.copy', id, 'current')).toMatchObject({ ok: true });
    expect(t.clipboard.text).toBe(codeAtStep(stepAt(T0) + 1));
  });

  it('counts a copied "next" code as used once its period starts', async () => {
    t = await startTestTessera();
    const id = await awsDevice(false);
    expect(await t.transport.invoke('codes.copy', id, 'next')).toMatchObject({
      ok: true,
      which: 'next',
    });
    t.clock.advance(20_000);
    expect(await t.transport.invoke('codes.copy', id, 'current')).toMatchObject({
      ok: false,
      reason: 'already-used',
    });
  });

  it('survives a restart within the period (it is kept in the vault)', async () => {
    t = await startTestTessera();
    const id = await awsDevice(false);
    await t.transport.invoke('codes.copy', id, 'current');
    await t.app.stop();
    t = await startTestTessera({ secrets: t.secrets, vault: t.vault, clock: t.clock });
    expect(await t.transport.invoke('codes.copy', id, 'current')).toMatchObject({
      ok: false,
      reason: 'already-used',
    });
  });
});

describe('the enrollment assistant', () => {
  it('shows code 1 of the previous period and code 2 of the current one, with ready commands', async () => {
    t = await startTestTessera(); // T0 is 10 s into its period: 20 s left
    const id = await awsDevice();
    const view = await t.transport.invoke('aws.enrollment', id, { userName: null });
    const step = stepAt(T0);
    expect(view).toEqual({
      status: 'ready',
      deviceId: id,
      code1: codeAtStep(step - 1),
      code2: codeAtStep(step),
      code2Step: step,
      validUntilMs: (step + 1) * 30_000,
      periodSeconds: 30,
      enableCommand: `aws iam enable-mfa-device --user-name alice --serial-number arn:aws:iam::123456789012:mfa/alice --authentication-code1 ${codeAtStep(step - 1)} --authentication-code2 ${codeAtStep(step)}`,
      resyncCommand: `aws iam resync-mfa-device --user-name alice --serial-number arn:aws:iam::123456789012:mfa/alice --authentication-code1 ${codeAtStep(step - 1)} --authentication-code2 ${codeAtStep(step)}`,
      commandNote: null,
    });
  });

  it('waits for the rollover when less than 20 s are left', async () => {
    t = await startTestTessera();
    const id = await awsDevice();
    t.clock.advance(1_000);
    expect(await t.transport.invoke('aws.enrollment', id, { userName: null })).toEqual({
      status: 'waiting',
      deviceId: id,
      readyAtMs: (stepAt(T0) + 1) * 30_000,
      periodSeconds: 30,
    });
  });

  it('copies each code and the command, and refuses a pair that has expired', async () => {
    t = await startTestTessera();
    const id = await awsDevice();
    const step = stepAt(T0);
    expect(
      await t.transport.invoke('aws.copyEnrollment', id, {
        item: 'code1',
        code2Step: step,
        userName: null,
      }),
    ).toMatchObject({ ok: true, which: 'code1' });
    expect(t.clipboard.text).toBe(codeAtStep(step - 1));
    await t.transport.invoke('aws.copyEnrollment', id, {
      item: 'code2',
      code2Step: step,
      userName: null,
    });
    expect(t.clipboard.text).toBe(codeAtStep(step));
    await t.transport.invoke('aws.copyEnrollment', id, {
      item: 'enable-command',
      code2Step: step,
      userName: 'bob',
    });
    expect(t.clipboard.text).toContain('--user-name bob ');
    t.clock.advance(20_000);
    expect(
      await t.transport.invoke('aws.copyEnrollment', id, {
        item: 'code2',
        code2Step: step,
        userName: null,
      }),
    ).toMatchObject({
      ok: false,
      reason: 'expired',
    });
  });

  it('explains why there is no command for the root user or without a serial ARN', async () => {
    t = await startTestTessera();
    const id = await awsDevice(false);
    expect(await t.transport.invoke('aws.enrollment', id, { userName: 'alice' })).toMatchObject({
      status: 'ready',
      enableCommand: null,
      commandNote: expect.stringMatching(/serial ARN/) as unknown,
    });
    await t.app.devices.editAws(id, {
      accountId: '123456789012',
      alias: null,
      deviceName: 'root',
      principal: { kind: 'root' },
      serialArn: 'arn:aws:iam::123456789012:mfa/root',
    });
    expect(await t.transport.invoke('aws.enrollment', id, { userName: null })).toMatchObject({
      enableCommand: null,
      commandNote: expect.stringMatching(/console only/) as unknown,
    });
  });

  it('refuses invalid AWS details and changes nothing', async () => {
    t = await startTestTessera();
    const id = await awsDevice();
    const before = JSON.stringify(t.app.devices.list());
    const device = t.app.devices.list().find(d => d.id === id);
    const outcome = await t.transport.invoke('devices.edit', id, {
      issuer: device?.issuer ?? '',
      accountName: device?.accountName ?? '',
      group: '',
      tags: [],
      aws: {
        accountId: '123456789012',
        alias: null,
        deviceName: 'alice',
        principal: { kind: 'iam-user', userName: 'alice' },
        serialArn: 'arn:aws:iam::999999999999:mfa/alice',
      },
    });
    expect(outcome).toMatchObject({ ok: false, reason: 'invalid', field: 'serialArn' });
    expect(JSON.stringify(t.app.devices.list())).toBe(before);
  });
});
