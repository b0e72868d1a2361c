// Evidence links: a finding cites a record by kind and id, pinned to a hash a third party can
// check (the record's latest revision hash when linked, or a file's SHA-256). Each kind has a
// resolver; CLARITI adds the 'impact' resolver when assessments exist, without changing packages.
import crypto from 'node:crypto';
import type { EvidenceLink, EvidenceLinkDraft } from '@shared/api/plans';
import { findAttachment, findCompany, findEngagement } from '../diary/repository';
import { engagementTitle } from '../diary/service';
import { DomainError } from '../rpc/domain-error';
import { latestHash, listRevisions } from '../records/revisions';
import type { VaultDatabase } from '../vault/open';

export interface ResolvedEvidence {
  /** What a reader sees for the record: an engagement's title, a file's name. */
  label: string;
  /** The hash the record has now. */
  currentHash: string;
  /** Whether a hash pinned earlier belongs to this record (an older revision counts). */
  knows(hash: string): boolean;
}

export type EvidenceResolver = (db: VaultDatabase, id: string) => ResolvedEvidence | null;
export type EvidenceResolvers = Partial<Record<EvidenceLink['kind'], EvidenceResolver>>;

export const engagementEvidence: EvidenceResolver = (db, id) => {
  const engagement = findEngagement(db, id);
  const hash = latestHash(db, 'engagement', id);
  if (!engagement || !hash) return null;
  const company = findCompany(db, engagement.companyId);
  return {
    label: `${engagementTitle(engagement, company?.name ?? 'a company')} (${engagement.occurredAt.slice(0, 10)})`,
    currentHash: hash,
    knows: (pinned) => listRevisions(db, 'engagement', id).some((r) => r.hash === pinned),
  };
};

export const attachmentEvidence: EvidenceResolver = (db, id) => {
  const file = findAttachment(db, id);
  if (!file) return null;
  // Attachments never change once added, so the pinned hash is the file's own.
  return { label: file.name, currentHash: file.sha256, knows: (pinned) => pinned === file.sha256 };
};

export const DIARY_EVIDENCE: EvidenceResolvers = { engagement: engagementEvidence, attachment: attachmentEvidence };

const KIND_NAMES: Record<EvidenceLink['kind'], string> = { engagement: 'diary entry', attachment: 'attachment', impact: 'CLARITI impact' };

/**
 * Pins each link's hash (the current one when none was sent) and refuses links that do not
 * resolve, except a link already stored on the record unchanged (kind, id and hash): a partner's
 * citation, kept as it arrived, so editing an imported package does not drop the sender's evidence.
 */
export function pinEvidence(
  db: VaultDatabase,
  resolvers: EvidenceResolvers,
  links: EvidenceLinkDraft[],
  findingNumber: number,
  stored: readonly EvidenceLink[] = [],
): EvidenceLink[] {
  const pinned: EvidenceLink[] = [];
  for (const link of links) {
    const kept = stored.find((s) => s.kind === link.kind && s.id === link.id && s.hash === link.hash);
    if (kept && !resolvers[link.kind]?.(db, link.id)) {
      if (!pinned.some((p) => p.kind === kept.kind && p.id === kept.id)) pinned.push(kept);
      continue;
    }
    const resolve = resolvers[link.kind];
    if (!resolve) {
      throw new DomainError('UNAVAILABLE', 'plans.evidenceKindUnavailable', `${KIND_NAMES[link.kind]} links cannot be made in this version of the app yet. Link diary entries or attachments instead.`, {
        params: { context: link.kind },
        fields: [`findings.${findingNumber - 1}.evidence`],
      });
    }
    const found = resolve(db, link.id);
    if (!found) {
      throw new DomainError('NOT_FOUND', 'plans.findingEvidenceGone', `Finding ${findingNumber} links a ${KIND_NAMES[link.kind]} that is not in this vault. Remove that link and save again.`, {
        params: { number: findingNumber, context: link.kind },
        fields: [`findings.${findingNumber - 1}.evidence`],
      });
    }
    if (link.hash && !found.knows(link.hash)) {
      throw new DomainError('CONFLICT', 'plans.findingEvidenceUnknownVersion', `Finding ${findingNumber} cites a version of a ${KIND_NAMES[link.kind]} that this vault never had. Re-link it to cite the current version.`, {
        params: { number: findingNumber, context: link.kind },
        fields: [`findings.${findingNumber - 1}.evidence`],
      });
    }
    if (!pinned.some((p) => p.kind === link.kind && p.id === link.id)) pinned.push({ kind: link.kind, id: link.id, hash: link.hash ?? found.currentHash, label: found.label.slice(0, 400) });
  }
  return pinned;
}

/**
 * An evidence link as a partner bundle carries it names a record in the sender's vault, by an id
 * and a label the file chose. Here it gets an id no record of this vault has (or the id of a
 * record imported with it from the same bundle), so it can never resolve to one of ours: a link
 * that did could print our record's title in an export, or carry our file in a bundle we
 * re-share. The label is made here from what can be checked, the kind and the pinned hash.
 */
export function receivedEvidence<L extends EvidenceLink>(link: L, localId: string = crypto.randomUUID()): L {
  const kind = KIND_NAMES[link.kind];
  return { ...link, id: localId, label: `${kind[0]!.toUpperCase()}${kind.slice(1)} cited by the sender, SHA-256 ${link.hash.slice(0, 16)}…` };
}
