/**
 * Which manual-entry field an add failure is about (renderer, pure), so its message is shown
 * right under that field. Failures about no single field go under the form (`form`).
 */
import type { AddFailure } from '../../../preload/contract/contract';

export type ManualField =
  | 'issuer'
  | 'accountName'
  | 'secret'
  | 'type'
  | 'algorithm'
  | 'digits'
  | 'period'
  | 'counter'
  | 'form';

export function failureField(reason: AddFailure): ManualField {
  switch (reason) {
    case 'missing-secret':
    case 'bad-base32':
    case 'secret-too-short':
    case 'secret-too-long':
      return 'secret';
    case 'unsupported-type':
      return 'type';
    case 'unsupported-algorithm':
      return 'algorithm';
    case 'bad-digits':
      return 'digits';
    case 'bad-period':
      return 'period';
    case 'missing-counter':
    case 'bad-counter':
      return 'counter';
    case 'not-otpauth':
    case 'google-migration':
    case 'malformed-uri':
    case 'bad-encoding':
    case 'uri-too-long':
    case 'duplicate-parameter':
    case 'field-too-long':
    case 'keychain-unavailable':
      return 'form';
  }
}
