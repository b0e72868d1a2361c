// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import '../../helpers/i18n';
import { InlineLinks } from '../../../renderer/src/components/InlineLinks';

function show(source: string) {
  const router = createMemoryRouter(
    [
      { path: '/', element: <InlineLinks source={source} className="markdown" /> },
      { path: '/kb/mechanisms/:id', element: <p>mechanism page</p> },
    ],
    { initialEntries: ['/'] },
  );
  return { ...render(<RouterProvider router={router} />), router };
}

describe('links-only content on Home, without the Markdown renderer', () => {
  it('renders [text](href) as links and follows in-app targets through the router', () => {
    const { container, router } = show('Explore [CLARITI](mechanism:clariti) at [claritihria.net](https://claritihria.net) if useful');
    expect(container.textContent).toBe('Explore CLARITI at claritihria.net if useful');
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['mechanism:clariti', 'https://claritihria.net']);
    fireEvent.click(screen.getByText('CLARITI'));
    expect(router.state.location.pathname).toBe('/kb/mechanisms/clariti');
  });

  it('turns links with schemes the app does not follow into plain text', () => {
    const { container } = show('Click [here](javascript:alert(1)) or [there](file:///etc/passwd) or [data](data:text/html,x)');
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(container.textContent).toContain('here');
  });

  it('shows markup as text, never as HTML', () => {
    const { container } = show('Plain words &lt; and [a link](/kb) then &amp; done');
    expect(container.querySelectorAll('a')).toHaveLength(1);
    expect(container.innerHTML).not.toContain('<img');
  });

  it('hands anything beyond links to the full Markdown renderer', async () => {
    const { container } = show('Some **bold** text with <img src=x onerror=alert(1)>');
    // The sanitising renderer loads on demand; the raw text is never injected as HTML meanwhile.
    expect(container.querySelector('img')).toBeNull();
    expect(await screen.findByText('bold')).toBeTruthy();
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('img')).toBeNull();
  });
});
