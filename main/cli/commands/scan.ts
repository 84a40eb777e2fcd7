/**
 * `tessera scan <image>... [--json] [--add]` (cli layer): reads every QR code in PNG, JPEG or
 * WebP images (screenshots, the QRCodePNG of `aws iam create-virtual-mfa-device`) through the
 * same worker and pipeline as the app. `--json` prints the decoded texts (the user asked for
 * them); the human summary names what each code is and, for authenticator codes, the issuer and
 * account only, never a secret. `--add` stores the authenticator codes found, as `add` does.
 * The image decoders are loaded on demand so that `tessera code` never pays for them.
 */
import { parseArgs } from 'node:util';
import { deviceLabel } from '../../core/device/deviceView';
import { classifyQrText, type OtpauthPreview, type QrContent } from '../../core/qr/classify';
import { FrameRejectedError } from '../../core/ports';
import { QrDecodeTimeoutError } from '../../core/qr/errors';
import type { DecodedCode } from '../../core/qr/frame';
import type { DeviceService } from '../../services/deviceService';
import { UsageError, type CliIo } from '../common';
import { EXIT, type ExitCode } from '../exitCodes';

interface ScannedFile {
  readonly file: string;
  readonly codes: readonly DecodedCode[];
  readonly error?: string;
}

export async function scanCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      add: { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0) {
    throw new UsageError('scan takes one or more image files (PNG, JPEG or WebP).');
  }

  const scanned = await scanFiles(positionals);
  let exit: ExitCode = scanned.some(entry => entry.error !== undefined) ? EXIT.usage : EXIT.ok;

  if (values.json) {
    const rows = scanned.map(({ file, codes, error }) => ({
      file,
      codes: codes.map(({ text }) => ({ text })),
      ...(error === undefined ? {} : { error }),
    }));
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    for (const entry of scanned) io.stdout(summary(entry));
  }
  for (const { file, error } of scanned) {
    if (error !== undefined) io.stderr(`tessera: ${file}: ${error}\n`);
  }

  if (values.add) {
    const added = await addAuthenticatorCodes(scanned, io);
    if (added !== EXIT.ok) exit = added;
  }
  return exit;
}

async function scanFiles(files: readonly string[]): Promise<ScannedFile[]> {
  const [{ readImageFile, ImageFileError }, { createWorkerQrDecoder }] = await Promise.all([
    import('../../node/qr/imageFile'),
    import('../../node/qr/workerQrDecoder'),
  ]);
  const decoder = createWorkerQrDecoder();
  const scanned: ScannedFile[] = [];
  try {
    for (const file of files) {
      try {
        scanned.push({ file, codes: await decoder.decode(await readImageFile(file)) });
      } catch (error) {
        const aboutTheImage =
          error instanceof ImageFileError ||
          error instanceof FrameRejectedError ||
          error instanceof QrDecodeTimeoutError;
        if (!aboutTheImage) throw error;
        scanned.push({ file, codes: [], error: error.message });
      }
    }
  } finally {
    await decoder.close();
  }
  return scanned;
}

function summary({ file, codes, error }: ScannedFile): string {
  if (error !== undefined) return `${file}: not read\n`;
  if (codes.length === 0) {
    return `${file}: no QR code found. If the code is small or blurry, zoom in before taking the screenshot, or use a larger, sharper image.\n`;
  }
  const lines = codes.map(
    ({ text }, index) => `  ${index + 1}. ${describe(classifyQrText(text))}\n`,
  );
  return `${file}: ${codes.length === 1 ? '1 QR code' : `${codes.length} QR codes`}\n${lines.join('')}`;
}

/** One line about a code; SECURITY: names and parameters only, never the text or the secret. */
function describe(content: QrContent): string {
  switch (content.kind) {
    case 'otpauth':
      return `authenticator code: ${previewLine(content.preview)}`;
    case 'google-migration':
      return 'Google Authenticator transfer code (a batch of devices; import it in the Tessera app)';
    case 'invalid-otpauth':
      return `authenticator code that cannot be added: ${content.message}`;
    case 'other':
      return content.message;
  }
}

function previewLine(preview: OtpauthPreview): string {
  const name = [preview.issuer, preview.accountName].filter(part => part !== '').join(': ');
  const aws =
    preview.aws === null
      ? ''
      : ` (AWS account ${preview.aws.accountId ?? preview.aws.alias ?? ''})`;
  const timing =
    preview.type === 'totp'
      ? `every ${String(preview.periodSeconds)} s`
      : `counter ${String(preview.counter)}`;
  return `${name || 'unnamed'}${aws}, ${preview.type.toUpperCase()} ${preview.algorithm}, ${preview.digits} digits, ${timing}`;
}

/** Stores every authenticator code found (each text at most once); reports each on stdout/stderr. */
async function addAuthenticatorCodes(
  scanned: readonly ScannedFile[],
  io: CliIo,
): Promise<ExitCode> {
  const texts = [
    ...new Set(
      scanned.flatMap(({ codes }) =>
        codes.map(({ text }) => text).filter(text => classifyQrText(text).kind === 'otpauth'),
      ),
    ),
  ];
  const migrations = scanned.some(({ codes }) =>
    codes.some(({ text }) => classifyQrText(text).kind === 'google-migration'),
  );
  if (migrations) {
    io.stderr(
      'tessera: Google Authenticator transfer codes are not added by the CLI; import them in the Tessera app.\n',
    );
  }
  if (texts.length === 0) {
    io.stderr('tessera: no authenticator code (otpauth://) found to add.\n');
    return EXIT.noMatch;
  }
  const devices: DeviceService = await io.openDevices('known');
  let exit: ExitCode = EXIT.ok;
  for (const text of texts) {
    const outcome = await devices.addFromUri(text);
    if (!outcome.ok) {
      io.stderr(`tessera: ${outcome.message}\n`);
      if (outcome.reason === 'keychain-unavailable') return EXIT.keychainUnavailable;
      exit = EXIT.usage;
      continue;
    }
    for (const warning of outcome.warnings) io.stderr(`warning: ${warning.message}\n`);
    io.stdout(`added\t${outcome.device.id}\t${deviceLabel(outcome.device)}\n`);
  }
  return exit;
}
