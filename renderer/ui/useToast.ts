/** Shows a toast in the window's `role="status"` live region (renderer UI). */
import { useContext } from 'react';
import { ToastContext, type ShowToast } from './toastContext';

export function useToast(): ShowToast {
  return useContext(ToastContext);
}
