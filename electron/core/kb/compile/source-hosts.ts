// Pages the knowledge base must not cite: copies of other pages, servers that were never meant to be
// public, and text written to fill search results. A reader cannot tell how faithful they are, so
// the build refuses them wherever a source or a website is given.

interface Refused {
  /** Matches the host name or any subdomain of it. */
  host: string;
  why: string;
}

const REFUSED: Refused[] = [
  { host: 'un-icc.cloud', why: 'an OHCHR test or development server' },
  { host: 'netlify.app', why: 'a preview copy of a site, not the site itself' },
  { host: 'googleweblight.com', why: 'a proxy copy of another page' },
  { host: 'grokipedia.com', why: 'an AI-generated encyclopaedia' },
  { host: 'blogspot.com', why: 'a personal blog' },
  { host: 'slideshare.net', why: 'a re-upload of someone else\u2019s document' },
  { host: 'scribd.com', why: 'a re-upload of someone else\u2019s document' },
  { host: 'readkong.com', why: 'a re-upload of someone else\u2019s document' },
  { host: 'docsbay.net', why: 'a re-upload of someone else\u2019s document' },
  { host: 'docslib.org', why: 'a re-upload of someone else\u2019s document' },
  { host: 'doczz.net', why: 'a re-upload of someone else\u2019s document' },
  { host: 'fdocuments.in', why: 'a re-upload of someone else\u2019s document' },
  { host: 'cld.bz', why: 'a re-upload of someone else\u2019s document' },
  { host: 'topoin.com', why: 'a content farm' },
  { host: 'liquisearch.com', why: 'a copy of an encyclopaedia article' },
  { host: 'let.rug.nl', why: 'a research tool\u2019s copy of an encyclopaedia article' },
  { host: 'vargadigital.com', why: 'a development server' },
  { host: 'cloudfront.net', why: 'an anonymous file host' },
  { host: 'mezclaarte.com', why: 'a content farm' },
  { host: 'knigalit.ru', why: 'a copy of a book' },
  { host: 'cornels-photography.com', why: 'a content farm' },
  { host: 'nextias.in', why: 'a test server of a study site' },
  { host: 'todayheadline.co', why: 'a content farm' },
  { host: 'world-today-news.com', why: 'a content farm' },
  { host: 'influencewatch.org', why: 'a partisan profile site' },
  { host: 'miragenews.com', why: 'a feed that republishes other bodies\u2019 releases' },
  { host: 'archive.crin.org', why: 'a copy of a page, not the issuing body\u2019s own' },
];

/** Why a page cannot be cited, or null when it may be. */
export function refusedSource(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 'not a web address';
  }
  const hit = REFUSED.find((r) => host === r.host || host.endsWith(`.${r.host}`));
  if (hit) return hit.why;
  // Staging and test hosts of any site (web.test.…, staging.…, 3672.staging.…, uat.…, dev.…).
  if (/(^|\.)(test|staging|uat|dev)\./.test(host)) return 'a test or staging server';
  return null;
}
