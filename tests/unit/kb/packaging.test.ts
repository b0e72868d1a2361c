// The packaged app ships what the knowledge-base build writes: a file the build adds but the
// packaging filter leaves out would make every search in an installed copy fail as unreadable,
// while every test run from the source tree passes.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openBuiltKb } from './built-kb';

/** The filter of the extraResources entry that copies out/kb/, read from the packaging config. */
function packagedKbFilter(): RegExp[] {
  const config = fs.readFileSync('electron-builder.yml', 'utf8');
  const entry = /- from: out\/kb\/\n\s+to: content\/kb-built\/\n\s+filter: \[([^\]]*)\]/.exec(config);
  if (!entry) throw new Error('electron-builder.yml has no extraResources entry for out/kb/.');
  const globs = [...entry[1]!.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
  // The filter uses plain names and "*" only; anything richer would need a glob library here.
  expect(globs.every((glob) => /^[\w.*-]+$/.test(glob))).toBe(true);
  return globs.map((glob) => new RegExp(`^${glob.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`));
}

describe('knowledge-base packaging', () => {
  let written: string[];
  beforeAll(() => {
    written = fs.readdirSync(openBuiltKb().dir);
  });

  it('includes every file the build writes, the search file of each language among them', () => {
    const filter = packagedKbFilter();
    expect(written).toContain('index.json');
    expect(written.filter((file) => /^index\..+\.json$/.test(file)).length).toBeGreaterThanOrEqual(7);
    for (const file of written) expect(filter.some((glob) => glob.test(file)), file).toBe(true);
  });
});
