// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../helpers/i18n';
import { WhoToCall } from '../../../renderer/src/features/safety/WhoToCall';

describe('the Safety page says who to call when something goes wrong', () => {
  it('lists the helplines with what each offers and how to reach them, as text that loads nothing', () => {
    const { container } = render(<WhoToCall />);
    for (const name of ['Access Now Digital Security Helpline', 'Front Line Defenders', 'CIVICUS and the Lifeline Embattled CSO Assistance Fund', 'Digital First Aid Kit']) {
      expect(screen.getByText(name)).toBeTruthy();
    }
    expect(container.textContent).toContain('help@accessnow.org');
    expect(container.textContent).toContain('+353 1 210 0489');
    expect(container.textContent).toContain('reprisals@ohchr.org');
    // Offline by design: no links, images or anything else that could fetch.
    expect(container.querySelectorAll('a, img, iframe, link, script')).toHaveLength(0);
  });
});
