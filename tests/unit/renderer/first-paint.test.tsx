// @vitest-environment jsdom
// Data a page asks for as the first screen mounts (useApi) is requested once that screen is
// painted (app/first-paint.ts), so the requests do not sit between the first render and its
// frame; a window that paints no frames (hidden) waits 200 ms at most. Screens after the first,
// and components rendered without the app's start-up (as in tests), ask at once.
import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { firstPaint, holdLoadsUntilFirstPaint } from '../../../renderer/src/app/first-paint';
import { useApi } from '../../../renderer/src/components/useApi';

const calls: string[] = [];
beforeAll(() => {
  window.workbench = {
    invoke: (method: string) => {
      calls.push(method);
      return Promise.resolve({ ok: true, value: { entryPoints: [], getStarted: [], translation: null } });
    },
    onEvent: () => () => undefined,
  };
});
afterEach(() => {
  cleanup();
  calls.length = 0;
  vi.unstubAllGlobals();
});

function Home() {
  const { state } = useApi('kb.home', { language: 'en' });
  return <p>{state.status}</p>;
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('loads of the first screen', () => {
  it('are asked at once when nothing is held', async () => {
    expect(firstPaint()).toBeNull();
    render(<Home />);
    await waitFor(() => expect(calls).toEqual(['kb.home']));
  });

  it('wait for the frame that paints the first screen, then are asked once', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    const rendered = holdLoadsUntilFirstPaint();
    render(<Home />);
    rendered();
    await turn();
    expect(calls).toEqual([]);
    frames.forEach((frame) => frame(performance.now()));
    await waitFor(() => expect(calls).toEqual(['kb.home']));
    expect(firstPaint()).toBeNull();
  });

  it('wait 200 ms at most in a window that paints no frame', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const rendered = holdLoadsUntilFirstPaint();
    render(<Home />);
    rendered();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(calls).toEqual([]);
    await waitFor(() => expect(calls).toEqual(['kb.home']), { timeout: 500 });
  });

  it('of a page that went away before the paint are never asked', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    const rendered = holdLoadsUntilFirstPaint();
    const view = render(<Home />);
    rendered();
    view.unmount();
    frames.forEach((frame) => frame(performance.now()));
    await turn();
    expect(calls).toEqual([]);
  });
});
