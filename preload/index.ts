/**
 * Preload entry (runs sandboxed, with contextIsolation). Exposes the contract-built bridge and
 * nothing else; there is deliberately no fallback for a window without isolation.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './bridge';

contextBridge.exposeInMainWorld('tessera', buildApi(ipcRenderer));
