// PDF export in browser mode must make no network attempt. The export runs in a child process
// under `strace -f`, which sees every socket call of Node and of every Chromium process it starts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../../../electron/server/print-to-pdf';
import { childScript } from '../../helpers/script-child';
import { tempDir } from '../../helpers/temp';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const hasStrace = spawnSync('strace', ['-V']).status === 0;

interface Finding {
  line: string;
  why: string;
}

/** The destination of a socket call: from its address argument, or from the fd's annotation (-yy). */
function destinations(line: string): Array<{ address: string; port: number }> {
  const found: Array<{ address: string; port: number }> = [];
  const v4 = /sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)/.exec(line);
  if (v4) found.push({ address: v4[2]!, port: Number(v4[1]) });
  const v6 = /sin6_port=htons\((\d+)\).*?inet_pton\(AF_INET6, "([^"]+)"/.exec(line);
  if (v6) found.push({ address: v6[2]!, port: Number(v6[1]) });
  const annotated = /<(?:TCP|UDP)v?6?:\[(?:[^\]]*\]?:\d+)->\[?([^\]]+?)\]?:(\d+)\]>/.exec(line);
  if (annotated) found.push({ address: annotated[1]!, port: Number(annotated[2]) });
  return found;
}

/**
 * A finding is any DNS traffic, any TCP connection or any data sent to an address that is not
 * loopback. One call is allowed and checked for: Chromium's IPv6 reachability probe `connect()`s a
 * UDP socket to a public address to ask the kernel for a route, which sends no packet; any send
 * on such a socket would still be a finding.
 */
export function networkFindings(trace: string): Finding[] {
  const findings: Finding[] = [];
  for (const line of trace.split('\n')) {
    const call = /^\d+\s+(connect|sendto|sendmsg|sendmmsg|send)\(/.exec(line)?.[1];
    if (!call) continue;
    for (const { address, port } of destinations(line)) {
      if (port === 53) findings.push({ line, why: 'a DNS lookup' });
      else if (LOOPBACK.test(address)) continue;
      else if (call !== 'connect') findings.push({ line, why: `data sent to ${address}:${port}` });
      else if (!/^\d+\s+connect\(\d+<UDP/.test(line)) findings.push({ line, why: `a connection to ${address}:${port}` });
    }
  }
  return findings;
}

describe('PDF export in browser mode makes no network attempt', () => {
  it('flags what the old printer did: DNS lookups and remote connections', () => {
    const old = [
      '101 connect(31<UDP:[1]>, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 0',
      '102 connect(33<TCP:[2]>, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("142.250.4.84")}, 16) = -1 EINPROGRESS',
      '103 sendto(34<UDPv6:[[fd00::2]:5000->[2001:4860:4860::8888]:443]>, "x", 1, 0, NULL, 0) = 1',
    ].join('\n');
    expect(networkFindings(old).map((finding) => finding.why)).toEqual(['a DNS lookup', 'a connection to 142.250.4.84:443', 'data sent to 2001:4860:4860::8888:443']);
  });

  it.skipIf(!hasStrace || !fs.existsSync(CHROMIUM_PATH))(
    'prints a PDF with no DNS lookup and no connection or data to anything but loopback',
    () => {
      const traceFile = path.join(tempDir(), 'trace.txt');
      const result = spawnSync(
        'strace',
        ['-f', '-qq', '-yy', '-e', 'trace=network', '-o', traceFile, process.execPath, childScript('tests/unit/server/fixtures/export-pdf.ts')],
        { encoding: 'utf8', timeout: 90_000 },
      );
      expect(result.stdout, result.stderr).toContain('pdf %PDF-');
      const trace = fs.readFileSync(traceFile, 'utf8');
      // The trace saw Chromium: its processes talk over Unix sockets, and it tried the dead proxy.
      expect(trace).toMatch(/AF_UNIX|UNIX:/);
      expect(networkFindings(trace)).toEqual([]);
    },
    120_000,
  );
});
