/** DeviceView values for renderer unit tests: a GitHub TOTP device unless told otherwise. */
import type { DeviceView } from '../../../preload/contract/contract';

let next = 0;

export function deviceView(overrides: Partial<DeviceView> = {}): DeviceView {
  next += 1;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    type: 'totp',
    issuer: 'GitHub',
    accountName: `user${next}`,
    labelIssuer: null,
    algorithm: 'SHA1',
    digits: 6,
    periodSeconds: 30,
    group: { key: 'issuer:github', label: 'GitHub', kind: 'issuer' },
    aws: null,
    tags: [],
    favorite: false,
    order: next,
    secretStatus: 'ok',
    createdAt: 0,
    lastUsedAt: null,
    ...overrides,
  };
}
