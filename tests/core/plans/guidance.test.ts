// Guidance a defender relies on, through the dispatcher with real encrypted vaults: NCP routing,
// the exposure acknowledgement a high-risk plan needs before a step runs, and the migration that
// splits old plans' countries into "where the harm happened" and "where else it operates".
import { afterEach, describe, expect, it } from 'vitest';
import { Plan } from '@shared/api/plans';
import { canonicalJson } from '../../../electron/core/records/canonical';
import { appendRevision } from '../../../electron/core/records/revisions';
import { migrations } from '../../../electron/core/vault/migrations';
import { testCore, unlockedCore, type TestCore } from '../../helpers/core';
import { createVault, harness, PASSPHRASE } from '../vault/helpers';
import { uuid } from './fixtures';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.core.close();
  t = undefined;
});

const NOW = new Date('2026-11-02T10:00:00Z');
const specialProcedures = (status: 'planned' | 'in-progress' | 'done' = 'planned') => ({
  id: uuid(),
  stage: 'un' as const,
  title: 'Joint communication to Special Procedures',
  mechanismId: 'sr-freedom-of-expression',
  status,
  mandates: ['freedom-of-expression' as const, 'human-rights-defenders' as const],
  jointCommunication: true,
});

describe('plans.oecd through the dispatcher', () => {
  it('routes a US platform harming users in Vietnam to the U.S. NCP and offers the step', async () => {
    t = await unlockedCore();
    const r = await t.call('plans.oecd', { hqCountry: 'US', harmCountries: ['VN'], operatingCountries: ['AU'] });
    expect(r).toMatchObject({ status: 'routed', offerStep: true, ncps: [{ iso2: 'US', name: 'U.S. National Contact Point', lead: true }] });
    expect(await t.raw('plans.oecd', { hqCountry: 'Japan' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.raw('plans.oecd', { hqCountry: 'JP', harmCountries: ['ja'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.raw('plans.oecd', { hqCountry: 'JA' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.raw('plans.save', { title: 'x', harmCountries: ['JA'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('exposure acknowledgement on high-risk plans', () => {
  it('refuses to start a step of a high-risk plan until its exposure is acknowledged, and saves nothing', async () => {
    t = await unlockedCore({ now: () => NOW });
    const plan = await t.call('plans.save', { title: 'Defenders named in takedowns', risk: { level: 'high', notes: 'Members in Hanoi' }, steps: [specialProcedures()] });
    const started = { ...plan, steps: [{ ...plan.steps[0]!, status: 'in-progress' as const }] };
    const refused = await t.raw('plans.save', started);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: ['steps'], message: expect.stringContaining('risk is high') } });
    expect(await t.raw('plans.save', { ...started, steps: [{ ...started.steps[0]!, status: 'done' }] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.call('plans.get', { id: plan.id })).toEqual(plan);
    expect(await t.call('history.list', { entity: 'plan', id: plan.id })).toHaveLength(1);
  });

  it('lets it start once acknowledged, stamped with the app’s date, not the one the draft claims', async () => {
    t = await unlockedCore({ now: () => NOW });
    const plan = await t.call('plans.save', { title: 'High risk', risk: { level: 'high', notes: '' }, steps: [specialProcedures()] });
    const acknowledged = await t.call('plans.save', {
      ...plan,
      steps: [{ ...plan.steps[0]!, status: 'in-progress', exposureAcknowledged: { on: '2020-01-01', mechanismId: 'sr-freedom-of-expression' } }],
    });
    expect(acknowledged.steps[0]).toMatchObject({ status: 'in-progress', exposureAcknowledged: { on: '2026-11-02', mechanismId: 'sr-freedom-of-expression' } });

    // Saved again later: the original date stays.
    const later = testCore({ dataDir: t.dataDir, now: () => new Date('2026-12-24T10:00:00Z') });
    await t.core.close();
    t = later;
    const [vault] = await t.call('vault.list', null);
    await t.call('vault.unlock', { id: vault!.id, passphrase: 'correct horse battery staple' });
    const again = await t.call('plans.save', { ...acknowledged, objective: 'Keep going' });
    expect(again.steps[0]!.exposureAcknowledged).toEqual({ on: '2026-11-02', mechanismId: 'sr-freedom-of-expression' });

    // Another route for the step asks again.
    const moved = await t.raw('plans.save', { ...again, steps: [{ ...again.steps[0]!, mechanismId: 'sr-privacy' }] });
    expect(moved).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('does not gate plans whose risk is not high, and refuses to raise the risk over an unacknowledged running step', async () => {
    t = await unlockedCore({ now: () => NOW });
    const plan = await t.call('plans.save', { title: 'Medium risk', risk: { level: 'medium', notes: '' }, steps: [specialProcedures('in-progress')] });
    expect(plan.steps[0]!.status).toBe('in-progress');
    expect(await t.raw('plans.save', { ...plan, risk: { level: 'high', notes: '' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('keeps mandates, joint communications and parallel start dates', async () => {
    t = await unlockedCore({ now: () => NOW });
    const plan = await t.call('plans.save', {
      title: 'Parallel',
      steps: [
        { ...specialProcedures(), startDate: '2026-11-01', targetDate: '2027-01-15' },
        { id: uuid(), stage: 'oecd-ncp', title: 'NCP', mechanismId: 'oecd-ncp', startDate: '2026-11-10', targetDate: '2027-03-01' },
      ],
    });
    expect(plan.steps[0]).toMatchObject({ mandates: ['freedom-of-expression', 'human-rights-defenders'], jointCommunication: true, startDate: '2026-11-01' });
    const { items } = await t.call('plans.timeline', { today: '2026-11-02', horizonDays: 180 });
    expect(items.map((i) => [i.kind, i.title, i.date])).toEqual([
      ['step-start', 'NCP', '2026-11-10'],
      ['step-target', 'Joint communication to Special Procedures', '2027-01-15'],
      ['step-target', 'NCP', '2027-03-01'],
    ]);
  });
});

describe('migration 006: where the harm happened', () => {
  /** A vault as version 5 of the app left it, holding a plan in the old shape. */
  async function vaultAtVersion5() {
    const old = harness({ migrations: migrations.filter((m) => m.version <= 5) });
    const id = await createVault(old);
    const db = old.service.database();
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    const at = '2026-09-01T08:00:00.000Z';
    const stepId = uuid();
    const plan = {
      id: uuid(),
      title: 'Old plan',
      objective: '',
      companyId: null,
      operatingCountries: ['VN', 'TH'],
      context: '',
      engagementIds: [],
      partners: [],
      steps: [{ id: stepId, stage: 'un', title: 'Special Rapporteur', mechanismId: 'sr-freedom-of-expression', status: 'in-progress', targetDate: '2026-12-01', trigger: '', triggerDate: null, outcome: '', engagementIds: [] }],
      principles: [],
      safety: [],
      createdAt: at,
      updatedAt: at,
    };
    db.transaction(() => {
      db.prepare('INSERT INTO plans (id, title, company_id, doc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(plan.id, plan.title, null, canonicalJson(plan), at, at);
      db.prepare('INSERT INTO plan_steps (id, plan_id, ord, title, status, target_date, trigger_date) VALUES (?, ?, 0, ?, ?, ?, NULL)').run(stepId, plan.id, 'Special Rapporteur', 'in-progress', '2026-12-01');
      appendRevision(db, 'plan', plan.id, plan, at);
    })();
    old.service.lock('shutdown');
    return { dataDir: old.dataDir, vaultId: id, planId: plan.id };
  }

  it('moves the old countries to harmCountries, asks the user to check them, and keeps the hash chain whole', async () => {
    const fixture = await vaultAtVersion5();
    t = testCore({ dataDir: fixture.dataDir });
    await t.call('vault.unlock', { id: fixture.vaultId, passphrase: PASSPHRASE });

    const plan = await t.call('plans.get', { id: fixture.planId });
    expect(plan).toMatchObject({ harmCountries: ['VN', 'TH'], operatingCountries: [], entityCountries: [], countriesNeedReview: true, risk: { level: 'unknown' } });
    expect(plan.steps[0]).toMatchObject({ status: 'in-progress', startDate: null, mandates: [], exposureAcknowledged: null });
    expect(await t.call('history.list', { entity: 'plan', id: fixture.planId })).toHaveLength(2);
    expect(await t.call('integrity.verify', null)).toMatchObject({ ok: true });

    // The user corrects the split; the review flag goes with it.
    const corrected = await t.call('plans.save', { ...plan, harmCountries: ['VN'], operatingCountries: ['TH'], countriesNeedReview: false });
    expect(corrected).toMatchObject({ harmCountries: ['VN'], operatingCountries: ['TH'], countriesNeedReview: false });
    const { items } = await t.call('plans.timeline', { today: '2026-11-02', horizonDays: 60 });
    expect(items.map((i) => i.kind)).toEqual(['step-target']);
  });

  it('reads a plan in the old shape (a partner bundle from version 5) the same way, and leaves new ones as they are', () => {
    const at = '2026-09-01T08:00:00.000Z';
    const legacy = { id: uuid(), title: 'From a partner', operatingCountries: ['MM'], steps: [], createdAt: at, updatedAt: at };
    expect(Plan.parse(legacy)).toMatchObject({ harmCountries: ['MM'], operatingCountries: [], countriesNeedReview: true, risk: { level: 'unknown' } });
    const current = { ...legacy, harmCountries: ['VN'], operatingCountries: ['TH'] };
    expect(Plan.parse(current)).toMatchObject({ harmCountries: ['VN'], operatingCountries: ['TH'], countriesNeedReview: false });
  });

  it('leaves a plan already in the new shape alone', async () => {
    const fixture = await vaultAtVersion5();
    t = testCore({ dataDir: fixture.dataDir });
    await t.call('vault.unlock', { id: fixture.vaultId, passphrase: PASSPHRASE });
    await t.call('vault.lock', null);
    await t.call('vault.unlock', { id: fixture.vaultId, passphrase: PASSPHRASE });
    expect(await t.call('history.list', { entity: 'plan', id: fixture.planId })).toHaveLength(2);
  });
});
