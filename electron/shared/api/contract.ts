// One API contract for both transports (IPC in Electron, HTTP in browser mode). Each domain
// declares its methods in its own module; this file only merges them.
import type { z } from 'zod';
import { appMethods } from './app';
import { assessmentsMethods } from './assessments';
import { homeMethods } from './home';
import { identityMethods } from './identity';
import { kbMethods } from './kb';
import { notesMethods } from './notes';
import { diaryMethods } from './diary';
import { exchangeMethods } from './exchange';
import { exportsMethods } from './exports';
import { plansMethods } from './plans';
import { preferenceMethods } from './preferences';
import { searchMethods } from './search';
import { submissionRepliesMethods } from './submission-replies';
import { submissionsMethods } from './submissions';
import { vaultMethods } from './vault';

export const contract = {
  ...appMethods,
  ...vaultMethods,
  ...kbMethods,
  ...diaryMethods,
  ...plansMethods,
  ...assessmentsMethods,
  ...preferenceMethods,
  ...searchMethods,
  ...homeMethods,
  ...exchangeMethods,
  ...exportsMethods,
  ...notesMethods,
  ...identityMethods,
  ...submissionsMethods,
  ...submissionRepliesMethods,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export const isMethod = (name: unknown): name is Method =>
  typeof name === 'string' && Object.hasOwn(contract, name);
