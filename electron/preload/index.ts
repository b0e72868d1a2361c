// The only bridge between the sandboxed page and the shell: one invoke and one event
// subscription, with channel names fixed here. ipcRenderer itself is never exposed.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_RPC_CHANNEL, isKnownEventName } from '../shared/api/channels';

contextBridge.exposeInMainWorld('workbench', {
  invoke: (method: string, payload: unknown) => ipcRenderer.invoke(IPC_RPC_CHANNEL, method, payload),
  onEvent: (listener: (name: string, payload: unknown) => void) => {
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (isKnownEventName(name)) listener(name, payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
  },
});
