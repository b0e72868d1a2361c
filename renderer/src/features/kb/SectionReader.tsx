import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { Section } from '@shared/api/kb';
import { AsyncView } from '../../components/AsyncView';
import { requestExternalOpen } from '../../components/ExternalLink';
import { inAppPath } from '../../components/Markdown';
import { useApi } from '../../components/useApi';
import { frameworkPath, sectionPath } from './kbPaths';
import { passageElements, sectionHtml } from './sectionHtml';
import { TranslationNotice, useReadingLanguage } from './TranslationNotice';

export function SectionReader() {
  const { id = '' } = useParams();
  const language = useReadingLanguage();
  const { state, reload } = useApi('kb.sections.get', { id, language }, [id, language]);
  return <AsyncView state={state} onRetry={reload}>{(section) => <SectionView section={section} language={language} />}</AsyncView>;
}

function SectionView({ section, language }: { section: Section; language: string }) {
  const { t } = useTranslation('kb');
  const contents = section.headings.filter((heading) => heading.depth >= 2);
  return (
    <div className="kb-reader">
      <nav className="kb-toc no-print" aria-label={t('reader.contents')}>
        <h2 className="kb-toc-title">{t('reader.contents')}</h2>
        <ol>
          {contents.map((heading) => (
            <li key={heading.anchor} className={`depth-${heading.depth}`}>
              <Link to={sectionPath(section.id, heading.anchor)}>{heading.text}</Link>
            </li>
          ))}
        </ol>
      </nav>
      <article className="kb-article" aria-label={section.title} lang={section.translation?.language ?? 'en'}>
        <p className="kb-kicker">{section.title}</p>
        <TranslationNotice translation={section.translation} language={language} />
        <SectionBody section={section} />
        {/ICCPR|Covenant on Civil and Political Rights/.test(section.markdown) && (
          <p className="notice kb-party-pointer">
            {t('party.sectionNote')} <Link to={frameworkPath('udhr-iccpr-19')}>{t('party.sectionLink')}</Link>
          </p>
        )}
        <nav className="kb-pager no-print" aria-label={t('reader.pager')}>
          {section.previous ? (
            <Link rel="prev" to={sectionPath(section.previous.id)}>
              ← {section.previous.title}
            </Link>
          ) : (
            <span />
          )}
          {section.next && (
            <Link rel="next" to={sectionPath(section.next.id)}>
              {section.next.title} →
            </Link>
          )}
        </nav>
      </article>
    </div>
  );
}

const HIGHLIGHT = 'kb-passage-highlight';

/** The section's sanitised HTML; scrolls to and highlights the passage named in the address. */
function SectionBody({ section }: { section: Section }) {
  const html = useMemo(() => sectionHtml(section.markdown, section.headings), [section.markdown, section.headings]);
  const root = useRef<HTMLDivElement>(null);
  const { hash } = useLocation();
  const navigate = useNavigate();

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const anchor = decodeURIComponent(hash.slice(1));
    const passage = anchor ? passageElements(element, anchor) : [];
    for (const node of passage) node.classList.add(HIGHLIGHT);
    const heading = passage[0];
    if (heading) {
      heading.scrollIntoView({ block: 'start' });
      heading.focus({ preventScroll: true });
    } else {
      window.scrollTo({ top: 0 });
    }
    return () => passage.forEach((node) => node.classList.remove(HIGHLIGHT));
  }, [hash, html]);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as HTMLElement).closest('a');
    const href = link?.getAttribute('href');
    if (!href) return;
    event.preventDefault();
    if (href.startsWith('#')) navigate({ hash: href });
    else {
      const internal = inAppPath(href);
      if (internal) navigate(internal);
      else requestExternalOpen(href);
    }
  };

  // Sanitised by sectionHtml (marked → DOMPurify); content can never add script or handlers.
  return <div ref={root} className="kb-prose" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
}
