/**
 * The panel of a scan source whose component has not arrived yet (renderer): says so plainly and
 * offers the sources that work today. The integrator replaces it with the scan components by
 * marking the source available in sources.ts and registering its panel in AddDeviceDialog.
 */
import type { AddSource, SourceId } from './sources';

interface ScanUnavailableProps {
  readonly source: AddSource;
  readonly onSwitch: (id: SourceId) => void;
  readonly onCancel: () => void;
}

export function ScanUnavailable({ source, onSwitch, onCancel }: ScanUnavailableProps) {
  return (
    <div className="add-unavailable">
      <p className="add-unavailable__title">{source.label}: not available yet</p>
      <p className="add-unavailable__text">
        Scanning QR codes is coming in a later version of Tessera. Until then, copy the setup code’s
        text (otpauth://…) and paste it, or type the secret key the site shows under “Show secret
        key” or “Can’t scan the code?”.
      </p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            onSwitch('manual');
          }}
        >
          Enter manually
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            onSwitch('uri');
          }}
        >
          Paste URI
        </button>
      </div>
    </div>
  );
}
