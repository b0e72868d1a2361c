// Reads one JSON source of the knowledge base against its schema, for the build's checks.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';

/** Parses a JSON source against its schema; each problem becomes one line in `problems`. */
export function readJson<T>(file: string, schema: z.ZodType<T>, problems: string[]): T | undefined {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${path.basename(file)}: cannot be read as JSON (${(error as Error).message}).`);
    return undefined;
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    problems.push(...issueLines(path.basename(file), parsed.error));
    return undefined;
  }
  return parsed.data;
}

/** One line per schema problem, naming the file and the field. */
export function issueLines(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
