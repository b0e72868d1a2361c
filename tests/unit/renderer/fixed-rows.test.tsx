// @vitest-environment jsdom
// The windowing behind the diary list and the due dashboard's "show all": which rows are in the
// page for a scroll offset and a list height, at any length, and jumps to a row. jsdom has no
// layout, so the list's height comes from a stubbed ResizeObserver and scrolls are set by hand.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFixedRows } from '../../../renderer/src/components/useFixedRows';

const ROW = 48;
let resize: (() => void) | null = null;
let jump: ((index: number) => void) | null = null;

beforeEach(() => {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly callback: () => void) {}
      observe() {
        resize = this.callback;
      }
      disconnect() {
        resize = null;
      }
    },
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  resize = null;
  jump = null;
});

function List({ count }: { count: number }) {
  const scroller = useRef<HTMLDivElement>(null);
  const { rows, totalSize, scrollToIndex } = useFixedRows(scroller, { count, rowHeight: ROW, overscan: 3, initialRows: 5 });
  jump = scrollToIndex;
  return (
    <div ref={scroller} data-testid="list">
      <div data-testid="inner" style={{ height: totalSize }}>
        {rows.map((row) => (
          <p key={row.index} data-top={row.start}>
            {row.index}
          </p>
        ))}
      </div>
    </div>
  );
}

const shown = () => screen.queryAllByText(/^\d+$/).map((row) => Number(row.textContent));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function setHeight(px: number) {
  Object.defineProperty(screen.getByTestId('list'), 'clientHeight', { configurable: true, value: px });
  act(() => resize!());
}

function scrollTo(px: number) {
  const list = screen.getByTestId('list');
  list.scrollTop = px;
  fireEvent.scroll(list);
}

describe('useFixedRows', () => {
  it('renders a screenful and the overscan before the list is measured, whatever the length', () => {
    render(<List count={100_000} />);
    expect(shown()).toEqual(range(0, 8));
    expect(screen.getByTestId('inner').style.height).toBe(`${100_000 * ROW}px`);
    expect(document.querySelector('[data-top="384"]')?.textContent).toBe('8');
  });

  it('follows the measured height and the scroll offset', () => {
    render(<List count={100_000} />);
    setHeight(10 * ROW);
    expect(shown()).toEqual(range(0, 13));
    // Half a row into row 50: rows 50 to 60 can be in view, with three either side.
    scrollTo(50 * ROW + ROW / 2);
    expect(shown()).toEqual(range(47, 63));
    scrollTo(99_990 * ROW);
    expect(shown()).toEqual(range(99_987, 99_999));
  });

  it('keeps to the rows that exist when the list is short or shrinks', () => {
    const { rerender } = render(<List count={3} />);
    expect(shown()).toEqual([0, 1, 2]);
    rerender(<List count={0} />);
    expect(shown()).toEqual([]);
    rerender(<List count={1_000} />);
    scrollTo(900 * ROW);
    rerender(<List count={10} />);
    expect(shown()).toEqual(range(6, 9));
  });

  it('jumps to a row by its index', () => {
    render(<List count={20_001} />);
    act(() => jump!(12_345));
    expect(screen.getByTestId('list').scrollTop).toBe(12_345 * ROW);
    fireEvent.scroll(screen.getByTestId('list'));
    expect(shown()).toEqual(range(12_342, 12_353));
  });
});
