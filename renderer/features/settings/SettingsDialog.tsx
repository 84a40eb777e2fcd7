/**
 * The settings screen (renderer): theme, motion, code display, default order, clipboard clear
 * delay, and the time server the clock is checked against. Every choice is saved as soon as it
 * is made (main validates and writes settings.json) and applies at once to the whole window.
 */
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import type { SettingsPatch, SettingsView } from '../../../preload/contract/listChannels';
import { useBridge } from '../../lib/bridge';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/useToast';
import {
  CLEAR_DELAYS,
  GROUPING_OPTIONS,
  MOTION_OPTIONS,
  NEXT_CODE_OPTIONS,
  SORT_OPTIONS,
  THEME_OPTIONS,
  clearDelayLabel,
  ntpServerError,
} from './settingsText';
import { useSettings } from './useSettings';
import './settings.css';

interface SettingsDialogProps {
  readonly onClose: () => void;
}

export function SettingsDialog({ onClose }: SettingsDialogProps) {
  const { settings, update } = useSettings();
  const toast = useToast();
  const themeName = useId();
  const firstRef = useRef<HTMLInputElement>(null);

  const save = (patch: SettingsPatch): void => {
    void update(patch).then(error => {
      toast(
        error === null
          ? { tone: 'success', message: 'Settings saved', key: 'settings', announceOnly: true }
          : { tone: 'error', message: error, key: 'settings' },
      );
    });
  };

  const delays = CLEAR_DELAYS.includes(settings.clipboardClearSeconds)
    ? CLEAR_DELAYS
    : [...CLEAR_DELAYS, settings.clipboardClearSeconds];

  return (
    <Dialog title="Settings" onClose={onClose} initialFocus={firstRef}>
      <div className="settings">
        <fieldset className="fieldset settings__section">
          <legend className="fieldset__legend">Appearance</legend>
          <div className="settings__row" role="radiogroup" aria-labelledby={`${themeName}-label`}>
            <span id={`${themeName}-label`} className="field__label">
              Theme
            </span>
            <div className="settings__choices">
              {THEME_OPTIONS.map((option, index) => (
                <label key={option.value} className="choice">
                  <input
                    ref={index === 0 ? firstRef : undefined}
                    type="radio"
                    name={themeName}
                    value={option.value}
                    checked={settings.theme === option.value}
                    onChange={() => {
                      save({ theme: option.value });
                    }}
                  />
                  {option.label}
                </label>
              ))}
            </div>
          </div>
          <SettingSelect
            label="Motion"
            value={settings.reduceMotion}
            options={MOTION_OPTIONS}
            onChange={event => {
              save({ reduceMotion: event.target.value as SettingsView['reduceMotion'] });
            }}
            hint="Reducing motion stops highlights and transitions; countdown rings still drain."
          />
        </fieldset>

        <fieldset className="fieldset settings__section">
          <legend className="fieldset__legend">Codes and list</legend>
          <SettingSelect
            label="Code grouping"
            value={settings.codeGrouping}
            options={GROUPING_OPTIONS}
            onChange={event => {
              save({ codeGrouping: event.target.value as SettingsView['codeGrouping'] });
            }}
          />
          <SettingSelect
            label="Show the next code"
            value={settings.showNextCode}
            options={NEXT_CODE_OPTIONS}
            onChange={event => {
              save({ showNextCode: event.target.value as SettingsView['showNextCode'] });
            }}
          />
          <SettingSelect
            label="Default order"
            value={settings.defaultSort}
            options={SORT_OPTIONS}
            onChange={event => {
              save({ defaultSort: event.target.value as SettingsView['defaultSort'] });
            }}
          />
        </fieldset>

        <fieldset className="fieldset settings__section">
          <legend className="fieldset__legend">Clipboard</legend>
          <Field
            label="Clear a copied code after"
            hint="Only if the clipboard still holds that code: anything you copied since is left alone."
          >
            {control => (
              <select
                {...control}
                className="input"
                value={
                  settings.clipboardClearSeconds === null
                    ? 'never'
                    : String(settings.clipboardClearSeconds)
                }
                onChange={event => {
                  save({
                    clipboardClearSeconds:
                      event.target.value === 'never' ? null : Number(event.target.value),
                  });
                }}
              >
                {delays.map(seconds => (
                  <option key={seconds ?? 'never'} value={seconds ?? 'never'}>
                    {clearDelayLabel(seconds)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>

        <TimeServerSetting />
      </div>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}

function SettingSelect<K extends keyof SettingsView>({
  label,
  value,
  options,
  onChange,
  hint,
}: {
  readonly label: string;
  readonly value: SettingsView[K];
  readonly options: readonly { readonly value: SettingsView[K]; readonly label: string }[];
  readonly onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
  readonly hint?: string;
}) {
  return (
    <Field label={label} {...(hint === undefined ? {} : { hint })}>
      {control => (
        <select {...control} className="input" value={String(value)} onChange={onChange}>
          {options.map(option => (
            <option key={String(option.value)} value={String(option.value)}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The NTP server of the clock check (the `clock.*` rows own it; saved with "Save"). */
function TimeServerSetting() {
  const api = useBridge();
  const toast = useToast();
  const [server, setServer] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let disposed = false;
    api.clock.status().then(
      status => {
        if (disposed) return;
        setSaved(status.server);
        setServer(current => current ?? status.server);
      },
      () => undefined,
    );
    return () => {
      disposed = true;
    };
  }, [api]);

  const submit = async (): Promise<void> => {
    const value = (server ?? '').trim();
    const problem = ntpServerError(value);
    setError(problem ?? undefined);
    if (problem !== null || value === saved) return;
    setBusy(true);
    try {
      const status = await api.clock.setServer(value);
      setSaved(status.server);
      toast({
        tone: 'success',
        message: `Time server set to ${status.server}`,
        key: 'settings',
      });
    } catch {
      setError('Could not save the time server. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="fieldset settings__section">
      <legend className="fieldset__legend">Clock</legend>
      <form
        className="settings__section"
        onSubmit={event => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field
          label="Time server (NTP)"
          error={error}
          hint="The clock is compared with this server soon after start-up and every 4 hours."
        >
          {control => (
            <div className="input-group">
              <input
                {...control}
                className="input"
                value={server ?? ''}
                disabled={server === undefined}
                maxLength={253}
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
                placeholder="time.aws.com"
                onChange={event => {
                  setServer(event.target.value);
                  setError(undefined);
                }}
              />
              <button
                type="submit"
                className="button"
                disabled={busy || server === undefined || server.trim() === saved}
              >
                Save
              </button>
            </div>
          )}
        </Field>
      </form>
    </fieldset>
  );
}
