import fs from 'node:fs';
import type { EventPayload } from '@shared/api/events';
import type { Preferences } from '@shared/api/preferences';
import { appHandlers } from './app/handlers';
import { EventBus } from './events';
import { readPreferences } from './preferences';
import { assessmentRecords, assessmentsHandlers } from './assessments/handlers';
import { impactEvidence } from './assessments/impact-evidence';
import { AssessmentService } from './assessments/service';
import { createDispatcher, type Dispatch, type Handlers } from './rpc/dispatch';
import { kbHandlers } from './kb/handlers';
import { identityHandlers } from './identity/handlers';
import { PeopleService } from './identity/service';
import { noteRecords, notesHandlers } from './notes/handlers';
import { NoteService } from './notes/service';
import { SubmissionExports } from './submissions/export';
import { ReplyLog, submissionRepliesHandlers } from './submissions/replies';
import { submissionRecords, submissionsHandlers } from './submissions/handlers';
import { SubmissionService } from './submissions/service';
import { templateBook } from './submissions/templates';
import { KbService } from './kb/service';
import { DiaryService } from './diary/service';
import { diaryHandlers, diaryRecords } from './diary/handlers';
import { exportRenderer } from './exports/render';
import { AttachmentCopies } from './export-check/attachment-copy';
import { checkedExporter } from './export-check/checked-exporter';
import { IdentityGate } from './export-check/gate';
import { exportsHandlers } from './export-check/handlers';
import { stripImageMetadata } from './diary/image-metadata';
import { exchangeServices } from './exchange';
import type { PrintToPdf } from './exports/pdf';
import { DIARY_EVIDENCE } from './plans/evidence';
import { planRecords, plansHandlers } from './plans/handlers';
import { PackageService } from './plans/package-service';
import { PlanService } from './plans/plan-service';
import { writeStagedDrafts } from './records/drafts';
import { recordIndex } from './search/record-texts';
import { purgeBeforeClose, resumePurge } from './search/purge';
import { closeTopRows } from './search/top-rows';
import { warmRecordSearchSoon } from './search/warm-up';
import { vaultHandlers } from './vault/handlers';
import { DEFAULT_SCRYPT, type ScryptParams } from './vault/kdf';
import { VaultService } from './vault/service';

export interface CoreOptions {
  /** Where vaults and backups live; created if missing. */
  dataDir: string;
  /** Bundled, read-only resources (knowledge base). */
  resourcesDir: string;
  mode: 'desktop' | 'browser';
  version: string;
  /** Opens an http(s) address in the system browser; supplied by the shell or the server. */
  openExternal: (url: string) => Promise<boolean>;
  /** Key-derivation cost for new vaults; only tests lower it. */
  kdf?: ScryptParams;
  now?: () => Date;
  /** Chromium's print pipeline for PDF exports: Electron's in the shell, playwright-core in browser mode. */
  printToPdf?: PrintToPdf;
}

export type LockReason = EventPayload<'vault.locked'>['reason'];

export interface Core {
  dispatch: Dispatch;
  events: EventBus;
  /** Locks whatever is unlocked (menu shortcut, system suspend, screen lock). */
  lock(reason: LockReason): void;
  /** Locks and tells every window to hide what it shows (the panic shortcut). */
  panic(): void;
  preferences(): Preferences;
  /** Resolves when every backup and check running in the background has finished. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The file check and the day's backup start this long after unlock. Each boots a worker thread,
 * at normal priority until its own code lowers it: at 100,000 entries the first search and the
 * diary's first page, asked for at once after unlock, took 100–145 and 50–100 ms while two
 * booted, against 37–51 and 32–41 ms three seconds later. Record search's top rows start at one
 * second (search/top-rows.ts).
 */
const BACKGROUND_AFTER_UNLOCK_MS = 2_000;

/** Builds the whole domain layer once; both the Electron shell and the browser-mode server call this. */
export function createCore(options: CoreOptions): Core {
  // 0700: other accounts on a shared machine must not list the user's vaults.
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const events = new EventBus();
  const vault = new VaultService({
    dataDir: options.dataDir,
    events,
    eraseAfterFailures: () => readPreferences(options.dataDir).eraseAfterFailedUnlocks,
    beforeClose: (db, close) => {
      try {
        writeStagedDrafts(db);
      } finally {
        // Record search's lists, vocabulary and timers go with the connection (stored first if a
        // save cleared them): a store still waiting for saves to pause would otherwise keep every
        // word of the index reachable after lock.
        closeTopRows(db, close);
        purgeBeforeClose(db, close);
      }
    },
    ...(options.kdf && { kdf: options.kdf }),
    backgroundAfterUnlockMs: BACKGROUND_AFTER_UNLOCK_MS,
  });
  const database = () => vault.database();
  /** The open vault's database, or null while locked, for features that also work without one. */
  const openDatabase = () => (vault.status().state === 'unlocked' ? vault.database() : null);
  events.on((event) => {
    if (event.name === 'vault.unlocked') {
      warmRecordSearchSoon(openDatabase, recordIndex, (program, onMessage) => vault.openReader(program, onMessage));
      resumePurge(openDatabase());
    }
  });
  const kb = KbService.fromResources(options.resourcesDir);
  const people = new PeopleService({ database, ...(options.now && { now: options.now }) });
  const diary = new DiaryService({ database, index: recordIndex, ...(options.now && { now: options.now }) });
  // Every file that leaves the vault passes the identity check on exactly what it writes.
  const gate = new IdentityGate({ database, engine: people, now: options.now ?? (() => new Date()) });
  const exporter = checkedExporter(exportRenderer(options.printToPdf), gate, (payload) => events.emit('export.progress', payload));
  const copies = new AttachmentCopies({ database, gate, stripImageMetadata, now: options.now ?? (() => new Date()) });
  const planDeps = { database, index: recordIndex, kb, exporter, ...(options.now && { now: options.now }) };
  const plans = new PlanService({ ...planDeps, diary });
  const packages = new PackageService({ ...planDeps, evidence: { ...DIARY_EVIDENCE, impact: impactEvidence } });
  const assessments = new AssessmentService({ ...planDeps, plans, packages, resourcesDir: options.resourcesDir });
  // Every record kind, for integrity checks and backups.
  const notes = new NoteService({ database, index: recordIndex, ...(options.now && { now: options.now }) });
  const templates = templateBook(options.resourcesDir);
  const submissions = new SubmissionService({
    database,
    index: recordIndex,
    templates,
    requirements: { gate, limits: templates.limits, ...(options.now && { today: () => options.now!().toISOString().slice(0, 10) }) },
    ...(options.now && { now: options.now }),
  });
  const submissionExports = new SubmissionExports({
    database,
    get: (id) => submissions.get(id),
    templates,
    evidence: { ...DIARY_EVIDENCE, impact: impactEvidence },
    exporter,
    ncpTranslation: (language) => kb.ncpTranslation(language),
    ...(options.now && { now: options.now }),
  });
  const liveRecords = [diaryRecords, planRecords, assessmentRecords, noteRecords, submissionRecords];
  const exchange = exchangeServices({
    database,
    dataDir: options.dataDir,
    kdf: options.kdf ?? DEFAULT_SCRYPT,
    index: recordIndex,
    liveRecords,
    gate,
    events,
    ...(options.now && { now: options.now }),
  });

  const panic = () => {
    vault.lock('panic');
    events.emit('app.panic', {});
  };

  const handlers: Handlers = {
    ...appHandlers({ ...options, events, panic, kb, index: recordIndex, openDatabase }),
    ...vaultHandlers(vault),
    ...kbHandlers(kb),
    ...diaryHandlers(diary, database, recordIndex, liveRecords, events),
    ...plansHandlers(plans, packages),
    ...assessmentsHandlers(assessments),
    ...identityHandlers(people),
    ...notesHandlers(notes),
    ...submissionsHandlers(submissions),
    ...submissionRepliesHandlers(new ReplyLog({ database, diary, submissions })),
    ...exchange.handlers,
    ...exportsHandlers({ exporter, plans, packages, assessments, bundles: exchange.bundles, copies, submissions: submissionExports }),
  };

  const dispatch = createDispatcher(handlers, (method, errorName) => {
    // Method and error class only: messages may quote record content.
    console.error(`[core] ${method} failed (${errorName})`);
  });

  return {
    dispatch,
    events,
    lock(reason) {
      vault.lock(reason);
    },
    panic,
    preferences: () => readPreferences(options.dataDir),
    settled: () => vault.settled(),
    async close() {
      vault.dispose();
      // The backup at quit runs on a worker thread; the process must not exit under it.
      await vault.settled();
    },
  };
}
