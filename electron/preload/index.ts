// The sandboxed preload (bundled to out/preload/index.cjs: a sandboxed preload can only
// require 'electron'). It exposes the contract's client as `window.halldesk`, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { buildPreloadApi } from './api';

contextBridge.exposeInMainWorld(
  'halldesk',
  buildPreloadApi((channel, envelope) => ipcRenderer.invoke(channel, envelope)),
);
