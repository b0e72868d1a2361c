import { useEffect, useId, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';

const sections = ['home', 'kb', 'diary', 'plans', 'assessments', 'notes', 'safety', 'settings'] as const;
const paths: Record<(typeof sections)[number], string> = {
  home: '/',
  kb: '/kb',
  diary: '/diary',
  plans: '/plans',
  assessments: '/assessments',
  notes: '/notes',
  safety: '/safety',
  settings: '/settings',
};

/** Submission drafts live with plans and packages (the Plans sub-navigation), so Plans stays lit there. */
const underPlans = (pathname: string) => pathname === '/submissions' || pathname.startsWith('/submissions/');

/**
 * The main navigation. On a wide window its links sit in the header row; on a narrow one
 * (global.css decides where) they fold behind a Menu button so the header stays within two rows
 * and the search box stays in view. The same list serves both, so nothing differs for a screen
 * reader but the button.
 */
export function MainNavigation() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const navRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();

  // A chosen page closes the menu.
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      navRef.current?.querySelector('button')?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <nav aria-label={t('nav.label')} className="main-nav" data-open={open} ref={navRef}>
      <button type="button" className="button nav-menu-button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((was) => !was)}>
        {t('nav.menu')}
      </button>
      <ul className="nav-list" id={listId}>
        {sections.map((section) => (
          <li key={section}>
            <NavLink to={paths[section]} end={section === 'home'} className={({ isActive }) => (isActive || (section === 'plans' && underPlans(pathname)) ? 'active' : '')}>
              {t(`nav.${section}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
