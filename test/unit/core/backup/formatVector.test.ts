/**
 * FORMAT.md's worked example, read from the document itself so the two can never drift: sealing
 * the stated inputs gives the stated plaintext and, byte for byte, the stated file; opening the
 * file gives the devices back.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openBackup, sealBackup } from '../../../../main/core/backup/envelope';
import { encodePayload, type BackupDevice } from '../../../../main/core/backup/payload';
import { Device } from '../../../../main/core/device/device';
import { decodeBase32, encodeBase32 } from '../../../../main/core/otp/base32';
import { OtpSecret } from '../../../../main/core/secret';

const doc = readFileSync(
  new URL('../../../../main/core/backup/FORMAT.md', import.meta.url),
  'utf8',
);

function block(name: string): string {
  const match = new RegExp(
    `<!-- vector:${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``,
    'u',
  ).exec(doc);
  if (match?.[1] === undefined) throw new Error(`FORMAT.md has no vector:${name} block`);
  return match[1];
}

interface VectorInput {
  passphrase: string;
  kdf: { memoryKiB: number; iterations: number; parallelism: number };
  saltHex: string;
  nonceHex: string;
  createdAtMs: number;
  devices: { device: unknown; secret: string }[];
}

const input = JSON.parse(block('input')) as VectorInput;
const devices: BackupDevice[] = input.devices.map(({ device, secret }) => ({
  device: Device.parse(device),
  secret: OtpSecret.fromBytes(decodeBase32(secret) ?? new Uint8Array(1)),
}));
const params = {
  kdf: input.kdf,
  salt: Uint8Array.from(Buffer.from(input.saltHex, 'hex')),
  nonce: Uint8Array.from(Buffer.from(input.nonceHex, 'hex')),
};

describe('FORMAT.md test vector', () => {
  it('encodes the stated plaintext', () => {
    expect(new TextDecoder().decode(encodePayload(devices, input.createdAtMs))).toBe(
      block('plaintext'),
    );
  });

  it('seals to the stated file, byte for byte', async () => {
    const text = await sealBackup(devices, input.passphrase, params, input.createdAtMs);
    expect(text).toBe(`${block('file')}\n`);
  });

  it('opens the stated file with the stated passphrase', async () => {
    const outcome = await openBackup(new TextEncoder().encode(block('file')), input.passphrase);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.devices.map(d => d.device)).toEqual(devices.map(d => d.device));
    expect(outcome.value.devices.map(d => d.secret.use(encodeBase32))).toEqual(
      input.devices.map(d => d.secret),
    );
  });
});
