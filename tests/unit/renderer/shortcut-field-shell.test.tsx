// @vitest-environment jsdom
// The Settings field that records the panic shortcut tells the desktop shell when it starts and
// stops recording, so main can let the keys through instead of hiding and locking; browser mode,
// which has no system-wide shortcut, is not asked.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../helpers/i18n';
import { ShortcutField } from '../../../renderer/src/features/safety/ShortcutField';

afterEach(() => {
  cleanup();
  delete window.workbench;
});

const field = () => render(<ShortcutField id="panic-shortcut" value="CommandOrControl+Shift+H" onChange={() => undefined} describedBy="hint" />);
const recordingCalls = (invoke: ReturnType<typeof vi.fn>) => invoke.mock.calls.filter(([method]) => method === 'app.recordingShortcut').map(([, payload]) => payload);

describe('the shortcut field and the desktop shell', () => {
  it('says recording on focus and stopped on blur and when it leaves the page', () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: null }));
    window.workbench = { invoke, onEvent: () => () => undefined };
    const view = field();
    const input = screen.getByRole('textbox');
    fireEvent.focus(input);
    fireEvent.blur(input);
    fireEvent.focus(input);
    view.unmount();
    expect(recordingCalls(invoke)).toEqual([{ recording: true }, { recording: false }, { recording: true }, { recording: false }]);
  });

  it('asks nothing in browser mode', () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    field();
    fireEvent.focus(screen.getByRole('textbox'));
    expect(fetch).not.toHaveBeenCalled();
  });
});
