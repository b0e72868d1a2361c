// Progress of long exchange work (backups, restores, partner bundles made and imported), told to every window as
// 'exchange.progress' events, and a way to cancel it. Work is reported step by step between its
// awaits, the only points where another call (a cancel) can be answered; a cancel takes effect at
// the next step, and every step comes before anything is kept, so a cancelled run leaves nothing.
import type { EventPayload } from '@shared/api/events';
import { DomainError } from '../rpc/domain-error';

export type ProgressPayload = EventPayload<'exchange.progress'>;
export type Operation = ProgressPayload['operation'];
export type Step = ProgressPayload['step'];

/**
 * Called at each step; rejects with CANCELLED when the user cancelled the run. Work that keeps
 * something at the end (a restore moving its vault into place) calls it with 'finished' just
 * before, as its last chance to stop.
 */
export type ReportStep = (step: Step) => Promise<void>;

const CANCELLED: Record<Operation, string> = {
  backup: 'The backup was cancelled. No backup file was made.',
  restore: 'The restore was cancelled. No vault was created and nothing was written.',
  bundle: 'Making the bundle was cancelled. No bundle file was made.',
  import: 'The import was cancelled. Nothing from the bundle was added to this vault.',
};

export class ExchangeProgress {
  private current: { operation: Operation; cancelled: boolean } | null = null;

  constructor(private readonly emit: (payload: ProgressPayload) => void) {}

  /**
   * Runs work that reports its steps (in the order given). Only one such run at a time: a second
   * would leave the user no way to tell the two bars apart.
   */
  async run<T>(operation: Operation, steps: readonly Step[], work: (report: ReportStep) => Promise<T>): Promise<T> {
    if (this.current) throw new DomainError('CONFLICT', 'exchange.operationRunning', 'A backup, restore or bundle is already being made or read. Wait for it to finish, or cancel it, then try again.');
    const run = { operation, cancelled: false };
    this.current = run;
    let done = 0;
    let finished = false;
    const report: ReportStep = async (step) => {
      // Lets a cancel sent meanwhile be answered before the next step starts.
      await new Promise((resolve) => setImmediate(resolve));
      if (run.cancelled) throw new DomainError('CANCELLED', 'exchange.cancelled', CANCELLED[operation], { params: { context: operation } });
      finished = step === 'finished';
      this.emit({ operation, step, done: finished ? steps.length : done++, total: steps.length });
    };
    try {
      const result = await work(report);
      if (!finished) this.emit({ operation, step: 'finished', done: steps.length, total: steps.length });
      return result;
    } finally {
      this.current = null;
    }
  }

  /** Asks the running work to stop; false when none is running. */
  cancel(): boolean {
    if (!this.current) return false;
    this.current.cancelled = true;
    return true;
  }
}
