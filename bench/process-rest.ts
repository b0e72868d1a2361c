// Whether processes have finished their background work, read from their CPU time (Linux): the
// benches wait for that before timing what a person would only do later.
import fs from 'node:fs';
import { round } from './stats';

/** utime and stime of a process, every thread of it, in seconds (100 clock ticks a second). */
function cpuSeconds(pid: number): number {
  try {
    // The fields after the command name in parentheses.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0; // it has exited
  }
}

/**
 * Waits until the processes `pids()` names (asked again at each step, as they come and go) have
 * used under `share` of a core in each of `steps` windows of `windowMs` in a row; `limitMs` at
 * most. Resolves to the seconds waited.
 */
async function atRest(pids: () => number[], windowMs: number, steps: number, share: number, limitMs: number): Promise<number> {
  const start = performance.now();
  const total = () => pids().reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  let quiet = 0;
  let last = total();
  while (quiet < steps && performance.now() - start < limitMs) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const now = total();
    // A process that exited takes its time with it: less than before counts as quiet.
    quiet = now - last < (share * windowMs) / 1000 ? quiet + 1 : 0;
    last = now;
  }
  return round((performance.now() - start) / 1000, 1);
}

/**
 * Waits until the process `pid` has used under 5% of a core for two seconds in a row: its work at
 * start-up or after unlock is done. Ten minutes at most.
 */
export function serverAtRest(pid: number): Promise<number> {
  return atRest(() => [pid], 1000, 2, 0.05, 600_000);
}

/** Every process started by this one, and theirs in turn. */
function descendants(): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parentOf.set(Number(entry), Number(fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]));
    } catch {
      // exited meanwhile
    }
  }
  const found = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parentOf) {
      if (found.has(parent) && !found.has(pid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  found.delete(process.pid);
  return [...found];
}

/** How long childrenAtRest waits at most, in seconds: a wait this long ended without rest. */
export const REST_LIMIT_S = 10;

/**
 * Waits until the processes this one started (browsers it drives) have together used under a fifth
 * of a core (one clock tick) in each of three 100 ms windows in a row: what they do after
 * answering (a page readied, a page torn down) is done. REST_LIMIT_S at most.
 */
export function childrenAtRest(): Promise<number> {
  return atRest(descendants, 100, 3, 0.2, REST_LIMIT_S * 1000);
}
