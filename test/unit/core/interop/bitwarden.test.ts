/**
 * Bitwarden: the Aegis test exports (JSON, CSV); password-protected exports (PBKDF2 and Argon2id)
 * written here with node:crypto and hash-wasm following Bitwarden's documented layout; the
 * account-restricted export; the Bitwarden Authenticator app's export; KDF bounds; fuzzing.
 */
import { createCipheriv, createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { argon2id } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { bitwardenImporter } from '../../../../main/core/interop/bitwarden';
import { fixtureSuite } from '../../../support/importExpectations';

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

const VAULT = {
  encrypted: false,
  folders: [{ id: 'f1', name: 'Work' }],
  items: [
    {
      type: 1,
      name: 'GitHub',
      favorite: true,
      folderId: 'f1',
      login: { username: 'alice', totp: 'JBSW Y3DP EHPK 3PXP JBSW Y3DP' },
    },
    {
      type: 1,
      name: 'Deno site',
      login: {
        username: 'x',
        totp: 'otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno',
      },
    },
    {
      type: 1,
      name: 'Unlabelled',
      login: { username: 'bob', totp: 'otpauth://totp/?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU' },
    },
    { type: 1, name: 'No TOTP', login: { username: 'carol', password: 'pw', totp: null } },
    { type: 2, name: 'A secure note', notes: 'hello' },
    { type: 1, name: 'Steam', login: { totp: 'steam://JRZCL47CMXVOQMNPZR2F7J4RGI' } },
    { type: 1, name: 'Broken', login: { totp: 'otpauth://totp/x?secret=0000' } },
  ],
};

// Bitwarden's layout, written independently of the importer (HKDF-Expand by hand with HMAC).
function hkdfExpand(prk: Buffer, info: string): Buffer {
  return createHmac('sha256', prk)
    .update(Buffer.concat([Buffer.from(info), Buffer.from([1])]))
    .digest();
}
function encString(keys: { enc: Buffer; mac: Buffer }, plain: Buffer): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', keys.enc, iv);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  const mac = createHmac('sha256', keys.mac)
    .update(Buffer.concat([iv, data]))
    .digest();
  return `2.${iv.toString('base64')}|${data.toString('base64')}|${mac.toString('base64')}`;
}
async function protectedExport(
  password: string,
  kdf: 'pbkdf2' | 'argon2id',
  vault: unknown = VAULT,
  header: Record<string, unknown> = {},
) {
  const salt = randomBytes(16).toString('base64');
  const master =
    kdf === 'pbkdf2'
      ? pbkdf2Sync(password, salt, 100_000, 32, 'sha256')
      : Buffer.from(
          await argon2id({
            password,
            salt: createHash('sha256').update(salt).digest(),
            iterations: 2,
            memorySize: 16 * 1024,
            parallelism: 2,
            hashLength: 32,
            outputType: 'binary',
          }),
        );
  const keys = { enc: hkdfExpand(master, 'enc'), mac: hkdfExpand(master, 'mac') };
  return {
    encrypted: true,
    passwordProtected: true,
    salt,
    kdfType: kdf === 'pbkdf2' ? 0 : 1,
    kdfIterations: kdf === 'pbkdf2' ? 100_000 : 2,
    ...(kdf === 'argon2id' ? { kdfMemory: 16, kdfParallelism: 2 } : {}),
    encKeyValidation_DO_NOT_EDIT: encString(keys, Buffer.from(randomBytes(8).toString('hex'))),
    data: encString(keys, Buffer.from(JSON.stringify(vault))),
    ...header,
  };
}

describe('bitwardenImporter', () => {
  fixtureSuite(bitwardenImporter, 'bitwarden');

  it('reads otpauth URIs and bare secrets, keeps folders and favourites, skips items without a TOTP', async () => {
    const outcome = await bitwardenImporter.read({ bytes: json(VAULT) });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.value.entries.map(e => [e.issuer, e.accountName, e.groups, e.favorite])).toEqual(
      [
        ['GitHub', 'alice', ['Work'], true],
        ['Deno', 'Mason', [], false],
        ['Unlabelled', 'bob', [], false],
      ],
    );
    expect(outcome.value.errors.map(e => [e.index, e.label])).toEqual([
      [5, 'Steam'],
      [6, 'Broken'],
    ]);
    expect(outcome.value.errors[0]?.reason).toMatch(/Steam/u);
  });

  it.each(['pbkdf2', 'argon2id'] as const)(
    'opens a password-protected export (%s) and reports a wrong password',
    async kdf => {
      const bytes = json(await protectedExport('master pw', kdf));
      expect(bitwardenImporter.sniff(bytes)).toBe(true);
      expect(bitwardenImporter.isEncrypted(bytes)).toBe(true);
      const outcome = await bitwardenImporter.read({ bytes, password: 'master pw' });
      expect(outcome.ok && outcome.value.entries.map(e => e.issuer)).toEqual([
        'GitHub',
        'Deno',
        'Unlabelled',
      ]);
      expect(await bitwardenImporter.read({ bytes })).toMatchObject({
        reason: 'password-required',
      });
      expect(await bitwardenImporter.read({ bytes, password: 'master pw ' })).toMatchObject({
        reason: 'wrong-password',
      });
    },
  );

  it('says when the password is right but the data was modified', async () => {
    const file = await protectedExport('pw', 'pbkdf2');
    const [iv, data, mac] = file.data.slice(2).split('|');
    const tampered = Buffer.from(data ?? '', 'base64');
    tampered[0] = (tampered[0] ?? 0) ^ 1;
    const bytes = json({
      ...file,
      data: `2.${iv ?? ''}|${tampered.toString('base64')}|${mac ?? ''}`,
    });
    expect(await bitwardenImporter.read({ bytes, password: 'pw' })).toMatchObject({
      reason: 'tampered',
    });
  });

  it('explains that an account-restricted export only opens in Bitwarden', async () => {
    const bytes = json({
      encrypted: true,
      encKeyValidation_DO_NOT_EDIT: '2.AAAA|BBBB|CCCC',
      data: '2.x|y|z',
    });
    expect(bitwardenImporter.sniff(bytes)).toBe(true);
    const outcome = await bitwardenImporter.read({ bytes, password: 'anything' });
    expect(outcome).toMatchObject({ ok: false, reason: 'account-restricted' });
    expect(!outcome.ok && outcome.message).toMatch(/Password protected/u);
  });

  it.each([
    ['PBKDF2 2^40 iterations', { kdfType: 0, kdfIterations: 2 ** 40 }, 'too-large'],
    [
      'Argon2 4 GiB',
      { kdfType: 1, kdfIterations: 3, kdfMemory: 4096, kdfParallelism: 4 },
      'too-large',
    ],
    [
      'Argon2 1,000 passes',
      { kdfType: 1, kdfIterations: 1000, kdfMemory: 64, kdfParallelism: 4 },
      'too-large',
    ],
    ['Argon2 without memory', { kdfType: 1, kdfIterations: 3 }, 'malformed'],
    ['an unknown KDF', { kdfType: 7 }, 'unsupported-version'],
  ])('refuses %s before any key derivation', async (_name, header, reason) => {
    const bytes = json({
      encrypted: true,
      passwordProtected: true,
      salt: 's',
      encKeyValidation_DO_NOT_EDIT: 'x',
      data: 'y',
      ...header,
    });
    const started = performance.now();
    expect(await bitwardenImporter.read({ bytes, password: 'pw' })).toMatchObject({
      ok: false,
      reason,
    });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("reads the Bitwarden Authenticator app's export", async () => {
    const bytes = json({
      encrypted: false,
      items: [
        {
          id: '1',
          name: 'Amazon Web Services',
          folderId: null,
          organizationId: null,
          collectionIds: null,
          notes: null,
          type: 1,
          favorite: false,
          login: {
            totp: 'otpauth://totp/Amazon%20Web%20Services:alice@123456789012?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Amazon%20Web%20Services',
            issuer: 'Amazon Web Services',
            period: 30,
            digits: 6,
          },
        },
        {
          id: '2',
          name: 'Plain',
          type: 1,
          favorite: true,
          login: { totp: '5OM4WOOGPLQEF6UGN3CPEOOLWU', issuer: 'Example', period: 60, digits: 8 },
        },
      ],
    });
    expect(bitwardenImporter.sniff(bytes)).toBe(true);
    const outcome = await bitwardenImporter.read({ bytes });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.value.entries.map(e => [e.issuer, e.accountName, e.params, e.favorite])).toEqual(
      [
        [
          'Amazon Web Services',
          'alice@123456789012',
          { type: 'totp', algorithm: 'SHA1', digits: 6, periodSeconds: 30 },
          false,
        ],
        [
          'Example',
          'Plain',
          { type: 'totp', algorithm: 'SHA1', digits: 8, periodSeconds: 60 },
          true,
        ],
      ],
    );
  });

  it('reads CSV with quotes, embedded commas and line breaks, CRLF and a BOM', async () => {
    const csv =
      '\uFEFFfolder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\r\n' +
      'Work,1,login,"Acme, Inc.","multi\r\nline ""note""",,0,https://a,"al""ice",pw,JBSWY3DPEHPK3PXPJBSWY3DP\r\n' +
      ',,note,Secret note,text,,,,,,\r\n' +
      ',,login,No totp,,,,,u,p,\r\n';
    const bytes = new TextEncoder().encode(csv);
    expect(bitwardenImporter.sniff(bytes)).toBe(true);
    const outcome = await bitwardenImporter.read({ bytes });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.value.entries.map(e => [e.issuer, e.accountName, e.groups, e.favorite])).toEqual(
      [['Acme, Inc.', 'al"ice', ['Work'], true]],
    );
    expect(outcome.value.errors).toEqual([]);
  });

  it('refuses CSV without the Bitwarden columns and a truncated quoted field', async () => {
    expect(
      await bitwardenImporter.read({ bytes: new TextEncoder().encode('a,b\n1,2\n') }),
    ).toMatchObject({ reason: 'wrong-format' });
    expect(
      await bitwardenImporter.read({
        bytes: new TextEncoder().encode('name,login_totp\n"abc,JBSW'),
      }),
    ).toMatchObject({ reason: 'malformed' });
  });

  it('never throws on arbitrary items or CSV text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 5 }), async items => {
        expect(
          (await bitwardenImporter.read({ bytes: json({ encrypted: false, items }) })).ok,
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async text => {
        await bitwardenImporter.read({
          bytes: new TextEncoder().encode(`name,login_totp\n${text}`),
        });
      }),
      { numRuns: 300 },
    );
  });
});
