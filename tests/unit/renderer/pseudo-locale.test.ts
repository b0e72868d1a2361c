// The pseudo-locale: accented, about 40% longer, bracketed, with placeholders and markup intact,
// and made for every key of every English catalogue.
import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { looksPseudo, pseudoCatalogue, pseudoLocalise } from '../../../renderer/src/i18n/pseudo';

describe('pseudo-locale en-XA', () => {
  it('accents letters, grows the text by about 40% and brackets it', () => {
    const source = 'Save the diary entry';
    const out = pseudoLocalise(source);
    expect(out.startsWith('⟦Šáṽé ţĥé ðíáŕý éñţŕý')).toBe(true);
    expect(out.endsWith('⟧')).toBe(true);
    expect(out.length - 2).toBeGreaterThanOrEqual(Math.round(source.length * 1.4));
    expect(out.length - 2).toBeLessThanOrEqual(Math.round(source.length * 1.4) + 2);
    expect(/[a-zA-Z]/.test(out)).toBe(false);
    expect(looksPseudo(out)).toBe(true);
    expect(looksPseudo(source)).toBe(false);
  });

  it('keeps interpolation, nesting and <Trans> markup working', async () => {
    const message = pseudoLocalise('{{count}} overdue for <strong>{{company}}</strong>, see $t(common:more)');
    expect(message).toContain('{{count}}');
    expect(message).toContain('<strong>{{company}}</strong>');
    expect(message).toContain('$t(common:more)');
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'en-XA', resources: { 'en-XA': { common: { more: pseudoLocalise('More'), line: message } } }, defaultNS: 'common', interpolation: { escapeValue: false } });
    const rendered = i18n.t('line', { count: 3, company: 'Meta' });
    expect(rendered).toContain('3 öṽéŕðüé');
    expect(rendered).toContain('<strong>Meta</strong>');
    expect(rendered).toContain('⟦Ṁöŕé');
  });

  it('covers every key of the English catalogues', () => {
    const dir = path.resolve('renderer/src/i18n/locales/en');
    const strings = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.json'))) {
      const en = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown;
      const pseudo = pseudoCatalogue(en);
      expect(Object.keys(pseudo as object)).toEqual(Object.keys(en as object));
      const values = strings(pseudo);
      expect(values.length).toBe(strings(en).length);
      for (const value of values.filter(Boolean)) expect(value, file).toMatch(/^⟦[\s\S]*⟧$/);
    }
  });
});
