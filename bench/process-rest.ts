// Whether a process has finished its background work, read from its CPU time (Linux): the
// benches wait for that before timing what a person would only do later.
import fs from 'node:fs';
import { round } from './stats';

/**
 * Waits until the process `pid` (every thread of it) has used under 5% of a core for two seconds
 * in a row: its work at start-up or after unlock is done. Ten minutes at most; resolves to the
 * seconds waited.
 */
export async function serverAtRest(pid: number): Promise<number> {
  const start = performance.now();
  const cpuSeconds = () => {
    // utime and stime, in clock ticks (100 a second), after the command name in parentheses.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  let quietSeconds = 0;
  let last = cpuSeconds();
  while (quietSeconds < 2 && performance.now() - start < 600_000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = cpuSeconds();
    quietSeconds = now - last < 0.05 ? quietSeconds + 1 : 0;
    last = now;
  }
  return round((performance.now() - start) / 1000, 1);
}
