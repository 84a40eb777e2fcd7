/**
 * The Tessera window (renderer): header, status and clock banners, the grouped device list or
 * the empty state, and the one dialog that may be open. Everything it shows comes from
 * `window.tessera`.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AddOutcome, DeviceView } from '../preload/contract/contract';
import { AddDeviceDialog } from './features/add/AddDeviceDialog';
import { EnrollmentDialog } from './features/aws/EnrollmentDialog';
import { BackupDialogs } from './features/backup/BackupDialogs';
import { BackupMenu, type BackupDialogKind } from './features/backup/BackupMenu';
import { BackupReminder } from './features/backup/BackupReminder';
import { useBackupStatus } from './features/backup/useBackupStatus';
import { ClockBanners } from './features/clock/ClockBanners';
import { ClockButton } from './features/clock/ClockButton';
import { useClockHealth } from './features/clock/useClockHealth';
import { DeleteDialog } from './features/devices/DeleteDialog';
import { DeviceList } from './features/devices/DeviceList';
import { EmptyState } from './features/devices/EmptyState';
import { StatusBanners } from './features/devices/StatusBanners';
import { useAppStatus } from './features/devices/useAppStatus';
import { useCodes } from './features/devices/useCodes';
import { useDevices } from './features/devices/useDevices';
import { useFocusRescue } from './features/devices/useFocusRescue';
import { EditDeviceDialog } from './features/edit/EditDeviceDialog';
import { MissingSecretsBanner } from './features/states/MissingSecretsBanner';
import { NoSearchResults } from './features/states/NoSearchResults';
import { ReenterSecretDialog } from './features/states/ReenterSecretDialog';
import { SettingsButton } from './features/settings/SettingsButton';
import type { RowActions } from './features/devices/rowActions';
import { deviceTitle } from './lib/deviceText';
import { matchingIds, warmSearch } from './lib/deviceSearch';
import type { EnrollmentMode } from './lib/enrollment';
import { addedMessage } from './lib/messages';
import { Icon } from './ui/Icon';
import { SearchField } from './ui/SearchField';
import { useToast } from './ui/useToast';
import { TransferButton } from './features/transfer/TransferButton';

type OpenDialog =
  | { readonly kind: 'none' }
  | { readonly kind: 'add' }
  | { readonly kind: 'delete'; readonly device: DeviceView }
  // By id: these follow the device as main pushes changes (an edit made from the assistant).
  | { readonly kind: 'enroll'; readonly deviceId: string; readonly mode: EnrollmentMode }
  | {
      readonly kind: 'edit';
      readonly deviceId: string;
      /** Reopen the assistant in this mode after saving (the edit was started from it). */
      readonly returnTo: EnrollmentMode | null;
    }
  | { readonly kind: 'reenter'; readonly deviceId: string };

const NONE: OpenDialog = { kind: 'none' };

export function App() {
  const devices = useDevices();
  const codes = useCodes();
  const { status, retryKeychain } = useAppStatus(devices);
  const clock = useClockHealth();
  const toast = useToast();
  const [requested, setDialog] = useState<OpenDialog>(NONE);
  const [backupDialog, setBackupDialog] = useState<BackupDialogKind | null>(null);
  const backup = useBackupStatus();
  const [query, setQuery] = useState('');
  const [highlightId, setHighlightId] = useState<string | undefined>(undefined);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const clockButtonRef = useRef<HTMLButtonElement>(null);
  const mainRef = useRef<HTMLElement>(null);

  // A dialog about a device that is gone (deleted elsewhere) is simply not shown.
  const byId = 'deviceId' in requested ? requested.deviceId : undefined;
  const dialogDevice = byId === undefined ? undefined : devices?.find(device => device.id === byId);
  const dialog: OpenDialog = byId !== undefined && dialogDevice === undefined ? NONE : requested;

  // Ids matching the search (null: no search), computed once per keystroke for the whole window.
  const matches = useMemo(
    () => (devices === undefined ? null : matchingIds(devices, query)),
    [devices, query],
  );
  useEffect(() => warmSearch(devices ?? []), [devices]);
  const hasDevices = devices !== undefined && devices.length > 0;

  useEffect(() => {
    if (highlightId === undefined) {
      return undefined;
    }
    const timer = window.setTimeout(() => {
      setHighlightId(undefined);
    }, 3000);
    return () => {
      window.clearTimeout(timer);
    };
  }, [highlightId]);

  const close = useCallback(() => {
    setDialog(NONE);
  }, []);
  const openAdd = useCallback(() => {
    setDialog({ kind: 'add' });
  }, []);
  const openEdit = useCallback((device: DeviceView) => {
    setDialog({ kind: 'edit', deviceId: device.id, returnTo: null });
  }, []);
  const openReenter = useCallback((device: DeviceView) => {
    setDialog({ kind: 'reenter', deviceId: device.id });
  }, []);
  const openDelete = useCallback((device: DeviceView) => {
    setDialog({ kind: 'delete', device });
  }, []);
  const rowActions = useMemo<RowActions>(
    () => ({
      edit: openEdit,
      remove: openDelete,
      enroll: (device, mode) => {
        setDialog({ kind: 'enroll', deviceId: device.id, mode });
      },
      reenterSecret: openReenter,
    }),
    [openEdit, openDelete, openReenter],
  );
  /** Where focus goes when no row can take it back (the last device was deleted). */
  const focusFallback = useCallback(() => {
    (
      addButtonRef.current ?? mainRef.current?.querySelector<HTMLElement>('.empty .button')
    )?.focus();
  }, []);
  useFocusRescue(mainRef, dialog.kind === 'none', matches ?? devices, focusFallback);

  const onAdded = (outcome: Extract<AddOutcome, { ok: true }>): void => {
    setDialog(NONE);
    setQuery('');
    setHighlightId(outcome.device.id);
    const warnings = outcome.warnings.map(warning => warning.message);
    toast(
      warnings.length > 0
        ? { tone: 'warning', message: addedMessage(outcome), details: warnings, durationMs: null }
        : { tone: 'success', message: addedMessage(outcome) },
    );
  };

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true" />
          <h1 className="brand__name">Tessera</h1>
        </div>
        {hasDevices && (
          <>
            <SearchField value={query} onChange={setQuery} />
            <button
              ref={addButtonRef}
              type="button"
              className="button button--primary app-header__add"
              aria-label="Add device"
              onClick={openAdd}
            >
              <Icon name="plus" />
              <span>Add device</span>
            </button>
            <TransferButton deviceCount={devices.length} />
          </>
        )}
        <ClockButton clock={clock} buttonRef={clockButtonRef} />
        <SettingsButton />
        <BackupMenu onOpen={setBackupDialog} />
      </header>
      <main ref={mainRef} className="app-main">
        {status !== undefined && (
          <StatusBanners
            status={status}
            onRetryKeychain={retryKeychain}
            missingSecrets={
              devices !== undefined && (
                <MissingSecretsBanner
                  devices={devices}
                  onReenter={openReenter}
                  onDelete={openDelete}
                />
              )
            }
          />
        )}
        <ClockBanners clock={clock} fallbackFocus={clockButtonRef} />
        <BackupReminder
          status={backup.status}
          onBackUp={() => {
            setBackupDialog('backup');
          }}
        />
        {devices === undefined ? (
          <p className="loading">Loading devices…</p>
        ) : devices.length === 0 ? (
          <EmptyState onAdd={openAdd} keychainAvailable={status?.keychain !== 'unavailable'} />
        ) : matches?.size === 0 ? (
          <NoSearchResults
            query={query}
            onClear={() => {
              setQuery('');
              document.querySelector<HTMLElement>('.search__input')?.focus();
            }}
            onAdd={openAdd}
          />
        ) : (
          <DeviceList
            devices={devices}
            matches={matches}
            codes={codes}
            highlightId={highlightId}
            actions={rowActions}
          />
        )}
      </main>
      <BackupDialogs
        kind={backupDialog}
        onClose={() => {
          setBackupDialog(null);
          backup.refresh();
        }}
      />
      {dialog.kind === 'add' && <AddDeviceDialog onClose={close} onAdded={onAdded} />}
      {dialog.kind === 'delete' && (
        <DeleteDialog
          device={dialog.device}
          onClose={close}
          onDeleted={() => {
            setDialog(NONE);
            toast({ tone: 'info', message: `Deleted ${deviceTitle(dialog.device)}` });
          }}
        />
      )}
      {dialog.kind === 'enroll' && dialogDevice !== undefined && (
        <EnrollmentDialog
          key={`${dialog.deviceId}:${dialog.mode}`}
          device={dialogDevice}
          mode={dialog.mode}
          onClose={close}
          onEditAws={() => {
            setDialog({ kind: 'edit', deviceId: dialog.deviceId, returnTo: dialog.mode });
          }}
        />
      )}
      {dialog.kind === 'edit' && dialogDevice !== undefined && (
        <EditDeviceDialog
          device={dialogDevice}
          focus={dialog.returnTo === null ? 'names' : 'aws'}
          onClose={() => {
            setDialog(
              dialog.returnTo === null
                ? NONE
                : { kind: 'enroll', deviceId: dialog.deviceId, mode: dialog.returnTo },
            );
          }}
          onSaved={() => {
            if (dialog.returnTo === null) {
              setDialog(NONE);
              toast({ tone: 'success', message: 'Changes saved' });
            } else {
              // Back to the assistant, which now shows what the new details make possible.
              setDialog({ kind: 'enroll', deviceId: dialog.deviceId, mode: dialog.returnTo });
            }
          }}
        />
      )}
      {dialog.kind === 'reenter' && dialogDevice !== undefined && (
        <ReenterSecretDialog
          device={dialogDevice}
          onClose={close}
          onDelete={() => {
            setDialog({ kind: 'delete', device: dialogDevice });
          }}
          onStored={outcome => {
            setDialog(NONE);
            const warnings = outcome.warnings.map(warning => warning.message);
            toast(
              warnings.length > 0
                ? {
                    tone: 'warning',
                    message: `Secret stored for ${deviceTitle(dialogDevice)}`,
                    details: warnings,
                    durationMs: null,
                  }
                : { tone: 'success', message: `Secret stored for ${deviceTitle(dialogDevice)}` },
            );
          }}
        />
      )}
    </div>
  );
}
