/** What to tell the user when the camera cannot be opened (renderer, pure; HOSTILE #27). */
const FALLBACK = 'Use an image file or paste a screenshot of the QR code instead.';

export type CameraProblem = 'denied' | 'no-camera' | 'busy' | 'failed';

export function cameraProblem(error: unknown): CameraProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'no-camera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}

export function cameraMessage(problem: CameraProblem): string {
  switch (problem) {
    case 'denied':
      return `Tessera is not allowed to use the camera. Allow camera access for Tessera in your system's privacy settings and try again. ${FALLBACK}`;
    case 'no-camera':
      return `No camera was found. ${FALLBACK}`;
    case 'busy':
      return `The camera is in use by another app. Close that app and try again. ${FALLBACK}`;
    case 'failed':
      return `The camera could not be started. ${FALLBACK}`;
  }
}
