/**
 * A real modal dialog (renderer UI): a native `<dialog>` opened with showModal(), so the rest
 * of the window is inert and focus cannot leave it. Mounting opens it, unmounting closes it;
 * Escape asks the owner to close (`onClose`), and focus returns to whatever opened it; if
 * that element is gone, focus is left on <body> for the owner to place (see useFocusRescue).
 */
import { useId, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';

interface DialogProps {
  /** Visible heading and accessible name of the dialog. */
  readonly title: string;
  readonly onClose: () => void;
  /** Element to focus once open; by default the first focusable element. */
  readonly initialFocus?: RefObject<HTMLElement | null>;
  readonly size?: 'small' | 'medium';
  /**
   * `top` for dialogs whose content grows while open (the enrollment assistant): they grow
   * downwards instead of jumping to stay centred.
   */
  readonly placement?: 'center' | 'top';
  readonly children: ReactNode;
}

export function Dialog({
  title,
  onClose,
  initialFocus,
  size = 'medium',
  placement = 'center',
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);

  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog === null) {
      return undefined;
    }
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    initialFocus?.current?.focus();
    const onCancel = (event: Event): void => {
      // Escape: let the owner decide (it unmounts us), so React state and the DOM agree.
      event.preventDefault();
      onCloseRef.current();
    };
    // The browser may still close the dialog itself (a second Escape without user activation
    // skips `cancel`): report that too, so the owner's state follows.
    const onNativeClose = (): void => {
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onNativeClose);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onNativeClose);
      dialog.close();
      if (opener?.isConnected === true) {
        opener.focus();
      }
    };
  }, [initialFocus]);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size} dialog--${placement}`}
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
