import type { MenuItemConstructorOptions } from 'electron';

/** Standard edit roles so copy, paste and undo work; no devtools or reload in the menu. */
export function menuTemplate(platform: NodeJS.Platform, lockNow: () => void): MenuItemConstructorOptions[] {
  const lock: MenuItemConstructorOptions = { label: 'Lock Vault', accelerator: 'CmdOrCtrl+Shift+L', click: lockNow };
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [lock, { type: 'separator' }, platform === 'darwin' ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { role: 'selectAll' },
      ],
    },
    { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { role: 'windowMenu' },
  ];
}
