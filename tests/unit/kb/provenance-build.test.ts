import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileKb } from '../../../electron/core/kb/compile/compile-kb';
import { KbBuildError, readSources } from '../../../electron/core/kb/compile/read-sources';
import { tempDir } from '../../helpers/temp';
import { KB_SOURCES } from './built-kb';

type Entry = Record<string, unknown> & { id: string; sources: { primary: unknown[]; secondary: unknown[]; noPrimarySource?: string } };

/** A copy of the real sources with one file changed; the build must refuse it and leave nothing behind. */
function buildWith(file: 'mechanisms.json' | 'frameworks.json' | 'treaty-status.json', change: (data: never) => void): string {
  const dir = tempDir('kb-fixture-');
  fs.cpSync(KB_SOURCES, dir, { recursive: true });
  const target = path.join(dir, file);
  const data = JSON.parse(fs.readFileSync(target, 'utf8')) as never;
  change(data);
  fs.writeFileSync(target, JSON.stringify(data));
  const out = tempDir('kb-fixture-out-');
  try {
    compileKb(dir, out);
  } catch (error) {
    expect(error).toBeInstanceOf(KbBuildError);
    expect(fs.readdirSync(out)).toEqual([]);
    return (error as Error).message;
  }
  throw new Error('the build accepted sources it should have refused');
}

const mechanism = (entries: Entry[], id: string): Entry => entries.find((e) => e.id === id)!;

describe('the knowledge-base build refuses entries a reader could not trust', () => {
  it('refuses a mechanism without exposure notes', () => {
    const message = buildWith('mechanisms.json', (entries: Entry[]) => {
      delete mechanism(entries, 'upr').exposure;
    });
    expect(message).toMatch(/mechanisms\.json: \d+\.exposure: every mechanism needs exposure notes/);
  });

  it('refuses a mechanism with an empty "whose names" line or no reprisal notes', () => {
    const message = buildWith('mechanisms.json', (entries: Entry[]) => {
      (mechanism(entries, 'oecd-ncp').exposure as Record<string, string>).whoIsNamed = ' ';
      mechanism(entries, 'bhrrc').reprisalNotes = [];
    });
    expect(message).toMatch(/exposure\.whoIsNamed/);
    expect(message).toContain('every mechanism needs at least one reprisal note');
  });

  it('refuses an entry without a check date, and a check date in the future', () => {
    expect(
      buildWith('frameworks.json', (entries: Entry[]) => {
        delete entries[0]!.asOf;
      }),
    ).toMatch(/frameworks\.json: 0\.asOf/);
    expect(
      buildWith('mechanisms.json', (entries: Entry[]) => {
        mechanism(entries, 'gni').asOf = '2999-01-01';
      }),
    ).toContain('mechanisms.json: gni: checked on 2999-01-01, which is in the future.');
  });

  it('refuses an entry with neither a primary source nor a statement that none was found', () => {
    const message = buildWith('mechanisms.json', (entries: Entry[]) => {
      const komnas = mechanism(entries, 'komnas-ham');
      expect(komnas.sources.primary).toEqual([]);
      delete komnas.sources.noPrimarySource;
    });
    expect(message).toMatch(/sources\.primary: needs a primary source, or a "noPrimarySource" statement/);
  });

  it('refuses a test server, a mirror or an AI-generated encyclopaedia as a source', () => {
    const message = buildWith('mechanisms.json', (entries: Entry[]) => {
      mechanism(entries, 'sr-privacy').sources.secondary.push({ title: 'Mandate (test site)', url: 'https://web.test.ohchr.un-icc.cloud/en/special-procedures/sr-privacy' });
      mechanism(entries, 'gni').sources.secondary.push({ title: 'GNI', url: 'https://grokipedia.com/page/global_network_initiative' });
      mechanism(entries, 'apf').sources.secondary.push({ title: 'APF copy', url: 'https://asiapacificforum.netlify.app/members' });
    });
    expect(message).toContain('sr-privacy: the source "Mandate (test site)"');
    expect(message).toContain('an OHCHR test or development server');
    expect(message).toContain('an AI-generated encyclopaedia');
    expect(message).toContain('a preview copy of a site');
  });

  it('refuses a dated fact that can lapse without saying what to show once it has', () => {
    const message = buildWith('mechanisms.json', (entries: Entry[]) => {
      const facts = mechanism(entries, 'sr-freedom-of-expression').datedFacts as Array<Record<string, string>>;
      delete facts[0]!.lapsed;
    });
    expect(message).toContain('a fact with "until" needs a "lapsed" sentence');
  });

  it('refuses party-status data that contradicts itself', () => {
    type TreatyFile = { states: Array<Record<string, unknown>> };
    const contradiction = buildWith('treaty-status.json', (file: TreatyFile) => {
      file.states.find((s) => s.iso2 === 'CN')!.protocol = 'party';
    });
    expect(contradiction).toContain('only a party to the treaty can be a party to its protocol');
    const duplicate = buildWith('treaty-status.json', (file: TreatyFile) => {
      file.states.push({ ...file.states.find((s) => s.iso2 === 'VN')!, treaty: 'no-action', treatyYear: undefined });
    });
    expect(duplicate).toContain('treaty-status.json: VN is listed twice.');
  });
});

describe('the shipped knowledge base', () => {
  const sources = readSources(KB_SOURCES);

  it('has every mechanism the escalation plans and practitioners need', () => {
    const ids = new Set(sources.mechanisms.map((m) => m.id));
    for (const id of [
      'wg-business-human-rights', 'sr-freedom-of-expression', 'sr-privacy', 'sr-human-rights-defenders', 'sr-assembly-association',
      'sr-myanmar', 'sr-cambodia', 'iimm', 'human-rights-committee', 'cedaw', 'crc', 'upr', 'oversight-board',
      'trusted-partner-programmes', 'dpa-ph', 'dpa-th', 'dpa-sg', 'dpa-id', 'dpa-my', 'dpa-kr', 'dpa-jp', 'dpa-au', 'courts',
      'oecd-ncp', 'oecd-watch', 'rdr-index', 'forum-asia', 'seact', 'aprigf', 'igf', 'rightscon',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it('states no mandate holder whose term has lapsed outside a dated fact', () => {
    for (const m of sources.mechanisms) {
      const body = [m.summary, m.whoCanUse, m.timing, ...m.howTo].join(' ');
      for (const name of ['Irene Khan', 'Thomas Andrews', 'Voule', 'Nougrères']) expect(body, `${m.id} mentions ${name}`).not.toContain(name);
    }
    const defa = sources.frameworks.find((f) => f.id === 'asean-defa')!;
    expect(defa.status).not.toMatch(/Signing targeted/);
  });

  it('records ICCPR and First Optional Protocol status for the States the issue names', () => {
    const [iccpr] = sources.treatyStatus;
    const state = (iso2: string) => iccpr!.states.find((s) => s.iso2 === iso2)!;
    expect(state('CN')).toMatchObject({ treaty: 'signatory', protocol: 'no-action' });
    expect(state('VN')).toMatchObject({ treaty: 'party', protocol: 'no-action' });
    for (const iso2 of ['MY', 'MM', 'SG', 'BN']) expect(state(iso2), iso2).toMatchObject({ treaty: 'no-action', protocol: 'no-action' });
    expect(state('PH')).toMatchObject({ treaty: 'party', protocol: 'party' });
    expect(iccpr!.companiesNote).toMatch(/regardless|whether or not/i);
  });

  it('shows party status with every entry that cites an ICCPR article', () => {
    const citing = [...sources.frameworks, ...sources.mechanisms].filter((e) => /ICCPR|Covenant on Civil and Political Rights/.test(JSON.stringify([e.name])));
    expect(citing.length).toBeGreaterThanOrEqual(4);
    for (const entry of citing) expect(entry.partyStatus, entry.id).toBe('iccpr');
  });
});
