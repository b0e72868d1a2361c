// A large partner bundle of unspaced Thai and Chinese: importing it used to hold every other call,
// the lock included, until indexing finished (47 s for 86 KB before indexing was made linear).
// Browser mode runs core on the server's one thread, so the import must leave room between its
// steps: a lock sent in the middle is answered at once, and the import then stops without writing.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_PASSPHRASE, unlockedCore, type TestCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';

const SHARED = 'coalition shared passphrase';
const THAI = 'การคุกคามทางออนไลน์เพิ่มขึ้นความเป็นส่วนตัวของผู้ใช้ถูกละเมิดบัญชีของนักข่าวถูกระงับรัฐบาลขอให้เซ็นเซอร์โพสต์';
const CHINESE = '平台删除了人权捍卫者的帖子政府要求审查内容记者的账户被限制了三个月我们收到了钓鱼邮件账号被封禁后无法申诉';
const unspaced = (sentence: string, chars: number) => sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars);

const cores: TestCore[] = [];
afterEach(async () => {
  for (const t of cores.splice(0)) await t.core.close();
});

/** A bundle of eight plans, each with 100,000 characters of unspaced text (the index cap). */
async function largeBundle(): Promise<string> {
  const sender = await unlockedCore({ dataDir: tempDir() });
  cores.push(sender);
  const items = [];
  for (let i = 0; i < 8; i++) {
    const plan = await sender.call('plans.save', { title: `Plan ${i}`, objective: 'Escalate', context: unspaced(i % 2 ? CHINESE : THAI, 99_000) });
    items.push({ kind: 'plan' as const, id: plan.id });
  }
  return (await sender.call('exchange.bundle.create', { identity: { acknowledge: true }, organisation: 'Coalition One', passphrase: SHARED, items })).data;
}

describe('importing a large bundle of unspaced text', () => {
  it('keeps the event loop free between steps, and finds the text afterwards', async () => {
    const data = await largeBundle();
    const recipient = await unlockedCore({ dataDir: tempDir() });
    cores.push(recipient);
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = performance.now();
    const result = await recipient.call('exchange.bundle.import', { data, passphrase: SHARED, confirm: true });
    const took = performance.now() - started;
    delay.disable();
    expect(result.added).toHaveLength(8);
    const longestPauseMs = delay.max / 1e6;
    console.info(`import of 8 × 99,000 characters: ${Math.round(took)} ms, longest event-loop pause ${Math.round(longestPauseMs)} ms`);
    expect(longestPauseMs).toBeLessThan(Math.max(250, took / 4));
    expect((await recipient.call('records.search', { q: 'ถูกระงับ', limit: 20 })).length).toBe(4);
  }, 120_000);

  it('answers a lock sent during the import at once, and the import then writes nothing', async () => {
    const data = await largeBundle();
    const recipient = await unlockedCore({ dataDir: tempDir() });
    cores.push(recipient);
    const { vault } = await recipient.call('vault.status', null);
    const importing = recipient.raw('exchange.bundle.import', { data, passphrase: SHARED, confirm: true });
    // Past decryption and validation, into segmenting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const asked = performance.now();
    await recipient.call('vault.lock', null);
    const lockMs = performance.now() - asked;
    expect(lockMs).toBeLessThan(200);
    expect(await importing).toMatchObject({ ok: false });
    await recipient.call('vault.unlock', { id: vault!.id, passphrase: TEST_PASSPHRASE });
    expect(await recipient.call('plans.list', null)).toEqual([]);
  }, 120_000);
});
