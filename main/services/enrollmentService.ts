/**
 * The AWS enrollment and resync assistant (services layer): when the pair may be shown, the two
 * codes, the ready-to-paste `aws iam enable-mfa-device` / `resync-mfa-device` commands, and
 * copying any of them. Codes are computed here, in main, for the time steps the plan names.
 */
import type {
  EnrollmentCopyItem,
  EnrollmentView,
  CopyOutcome,
} from '../../preload/contract/contract';
import {
  enableMfaDeviceCommand,
  IAM_USER_NAME,
  resyncMfaDeviceCommand,
} from '../core/aws/cliCommands';
import { planEnrollment } from '../core/aws/enrollment';
import type { Device } from '../core/device/device';
import { hotpAt, timeStep } from '../core/otp/codes';
import type { CodeService } from './codeService';
import { failure, NOT_FOUND, SECRET_MISSING, type CopyService } from './copyService';
import type { DeviceService } from './deviceService';

interface Pair {
  readonly code1: string;
  readonly code2: string;
  readonly enableCommand: string | null;
  readonly resyncCommand: string | null;
  readonly commandNote: string | null;
}

export class EnrollmentService {
  constructor(
    private readonly devices: DeviceService,
    private readonly codes: CodeService,
    private readonly copier: CopyService,
  ) {}

  enrollment(id: string, userName: string | null): EnrollmentView {
    const device = this.devices.device(id);
    if (device === undefined)
      return { status: 'unavailable', deviceId: id, reason: 'not-found', message: NOT_FOUND };
    if (device.type !== 'totp') {
      return {
        status: 'unavailable',
        deviceId: id,
        reason: 'not-totp',
        message: 'AWS virtual MFA devices are time-based (TOTP); this device counts (HOTP).',
      };
    }
    if (this.devices.secretFor(id) === undefined) {
      return {
        status: 'unavailable',
        deviceId: id,
        reason: 'secret-missing',
        message: SECRET_MISSING,
      };
    }
    const plan = planEnrollment(this.codes.nowMs(), device.periodSeconds);
    if (!plan.ready) {
      return {
        status: 'waiting',
        deviceId: id,
        readyAtMs: plan.readyAtMs,
        periodSeconds: device.periodSeconds,
      };
    }
    return {
      status: 'ready',
      deviceId: id,
      code2Step: plan.code2Step,
      validUntilMs: plan.validUntilMs,
      periodSeconds: device.periodSeconds,
      ...this.#pair(device, plan.code2Step, userName),
    };
  }

  async copy(
    id: string,
    item: EnrollmentCopyItem,
    code2Step: number,
    userName: string | null,
  ): Promise<CopyOutcome> {
    const device = this.devices.device(id);
    if (device === undefined) return failure('not-found', NOT_FOUND);
    if (device.type !== 'totp')
      return failure('invalid', 'Only time-based (TOTP) devices enroll with AWS.');
    if (this.devices.secretFor(id) === undefined) return failure('secret-missing', SECRET_MISSING);
    const currentStep = timeStep(this.codes.nowMs(), device.periodSeconds);
    if (code2Step !== currentStep) {
      // Never re-time a pair behind the user's back: the codes they saw are no longer the pair.
      return failure('expired', 'That pair has expired. Tessera is showing a fresh one.');
    }
    const pair = this.#pair(device, code2Step, userName);
    const text =
      item === 'code1'
        ? pair.code1
        : item === 'code2'
          ? pair.code2
          : item === 'enable-command'
            ? pair.enableCommand
            : pair.resyncCommand;
    if (text === null)
      return failure('invalid', pair.commandNote ?? 'The command is not available.');
    // Both codes of the pair are spent once AWS has seen them: guard code 2's period.
    return this.copier.write(text, item, () => this.devices.markUsed(id, code2Step));
  }

  #pair(
    device: Extract<Device, { type: 'totp' }>,
    code2Step: number,
    requestedUser: string | null,
  ): Pair {
    const secret = this.devices.secretFor(device.id);
    if (secret === undefined) throw new Error('secret checked by the caller');
    const code1 = hotpAt(secret, device.algorithm, device.digits, code2Step - 1);
    const code2 = hotpAt(secret, device.algorithm, device.digits, code2Step);
    const none = (commandNote: string): Pair => ({
      code1,
      code2,
      enableCommand: null,
      resyncCommand: null,
      commandNote,
    });
    const aws = device.aws;
    if (aws?.principal?.kind === 'root') {
      return none(
        'The root user enables and resyncs MFA in the AWS console only: enter code 1 and code 2 there.',
      );
    }
    if (aws?.serialArn === undefined) {
      return none('Add the serial ARN (Edit AWS details) to get a ready-to-paste AWS CLI command.');
    }
    const userName =
      requestedUser?.trim() || (aws.principal?.kind === 'iam-user' ? aws.principal.userName : '');
    if (userName === '')
      return none('Enter the IAM user name to get a ready-to-paste AWS CLI command.');
    if (!IAM_USER_NAME.test(userName)) {
      return none('An IAM user name has 1–64 letters, digits and + = , . @ _ - characters.');
    }
    const input = { userName, serialArn: aws.serialArn, code1, code2 };
    return {
      code1,
      code2,
      enableCommand: enableMfaDeviceCommand(input),
      resyncCommand: resyncMfaDeviceCommand(input),
      commandNote: null,
    };
  }
}
