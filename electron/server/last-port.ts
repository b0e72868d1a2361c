// Browser mode reuses the port of its last run in the same data folder, so a tab left open across
// a restart reaches the new server and can say what happened, instead of failing to load. The
// port is kept in a small file at the top of the data folder (never inside a vault), readable by
// the user only.
import fs from 'node:fs';
import path from 'node:path';

export const LAST_PORT_FILE = 'browser-mode.json';

export function readLastPort(dataDir: string): number | null {
  try {
    const { port } = JSON.parse(fs.readFileSync(path.join(dataDir, LAST_PORT_FILE), 'utf8')) as { port?: unknown };
    return typeof port === 'number' && Number.isInteger(port) && port > 1024 && port <= 65535 ? port : null;
  } catch {
    return null;
  }
}

export function writeLastPort(dataDir: string, port: number): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const file = path.join(dataDir, LAST_PORT_FILE);
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify({ port })}\n`, { mode: 0o600 });
    fs.renameSync(temp, file);
    fs.chmodSync(file, 0o600);
  } catch {
    // Only a convenience: the next start picks any free port.
  }
}
