/**
 * Toasts (renderer UI): one polite `role="status"` live region, always in the document so
 * screen readers announce what is added to it. At most three toasts; newest at the bottom.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Icon } from './Icon';
import { ToastContext, type ToastInput } from './toastContext';

interface Toast extends ToastInput {
  readonly id: number;
}

const MAX_TOASTS = 3;

export function ToastProvider({ children }: { readonly children: ReactNode }) {
  const [toasts, setToasts] = useState<readonly Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, number>());

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer !== undefined) {
      window.clearTimeout(timer);
      timers.current.delete(id);
    }
    setToasts(current => current.filter(toast => toast.id !== id));
  }, []);

  const show = useCallback(
    (input: ToastInput) => {
      const id = nextId.current++;
      const durationMs =
        input.durationMs === undefined
          ? (input.details?.length ?? 0) > 0
            ? 8000
            : 4000
          : input.durationMs;
      if (durationMs !== null) {
        timers.current.set(
          id,
          window.setTimeout(() => {
            dismiss(id);
          }, durationMs),
        );
      }
      setToasts(current =>
        [
          ...current.filter(toast => input.key === undefined || toast.key !== input.key),
          { ...input, id },
        ].slice(-MAX_TOASTS),
      );
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      pending.forEach(timer => {
        window.clearTimeout(timer);
      });
    };
  }, []);

  return (
    <ToastContext value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map(toast =>
          toast.announceOnly === true ? (
            <p key={toast.id} className="visually-hidden">
              {toast.message}
            </p>
          ) : (
            <div key={toast.id} className={`toast toast--${toast.tone}`}>
              <Icon
                name={
                  toast.tone === 'success' ? 'check' : toast.tone === 'info' ? 'info' : 'warning'
                }
                className="toast__icon"
              />
              <div className="toast__body">
                <p className="toast__message">{toast.message}</p>
                {toast.details !== undefined && toast.details.length > 0 && (
                  <ul className="toast__details">
                    {toast.details.map(detail => (
                      <li key={detail}>{detail}</li>
                    ))}
                  </ul>
                )}
              </div>
              <button
                type="button"
                className="icon-button toast__close"
                aria-label="Dismiss"
                onClick={() => {
                  dismiss(toast.id);
                }}
              >
                <Icon name="close" />
              </button>
            </div>
          ),
        )}
      </div>
    </ToastContext>
  );
}
