/**
 * Builds Google Authenticator transfer URIs (`otpauth-migration://offline?data=…`) for tests:
 * a protobuf MigrationPayload written field by field (test data only — the product reads it
 * with @bufbuild/protobuf in main/core/interop). Field numbers from Google Authenticator's
 * migration.proto: payload {1: otp_parameters*, 2: version, 3: batch_size, 4: batch_index,
 * 5: batch_id}; parameters {1: secret, 2: name, 3: issuer, 4: algorithm (1 SHA1, 2 SHA256,
 * 3 SHA512), 5: digits (1 six, 2 eight), 6: type (1 HOTP, 2 TOTP), 7: counter}.
 */
export interface MigrationAccount {
  readonly secret: Uint8Array;
  readonly name: string;
  readonly issuer: string;
  readonly algorithm?: 1 | 2 | 3;
  readonly digits?: 1 | 2;
  readonly type?: 1 | 2;
  readonly counter?: number;
}

function varint(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

const tag = (field: number, wire: number) => varint(field * 8 + wire);
const bytesField = (field: number, bytes: Uint8Array | number[]) => [
  ...tag(field, 2),
  ...varint(bytes.length),
  ...bytes,
];
const intField = (field: number, value: number) => [...tag(field, 0), ...varint(value)];
const text = (value: string) => [...new TextEncoder().encode(value)];

export function migrationUri(
  accounts: readonly MigrationAccount[],
  batch = { size: 1, index: 0, id: 1234 },
): string {
  const payload: number[] = [];
  for (const account of accounts) {
    const parameters = [
      ...bytesField(1, account.secret),
      ...bytesField(2, text(account.name)),
      ...bytesField(3, text(account.issuer)),
      ...intField(4, account.algorithm ?? 1),
      ...intField(5, account.digits ?? 1),
      ...intField(6, account.type ?? 2),
      ...(account.counter === undefined ? [] : intField(7, account.counter)),
    ];
    payload.push(...bytesField(1, parameters));
  }
  payload.push(...intField(2, 1), ...intField(3, batch.size), ...intField(4, batch.index));
  payload.push(...intField(5, batch.id));
  const data = Buffer.from(payload).toString('base64');
  return `otpauth-migration://offline?data=${encodeURIComponent(data)}`;
}
