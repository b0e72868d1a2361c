// The two examples modelled on the toolkit's case studies, as the app ships them: they model the
// practice the app asks for (severity on the UNGP criteria, consent per use, a right of reply),
// and the Vietnam example no longer models "no contact with the company before publication".
import { describe, expect, it } from 'vitest';
import { AssessmentRecord } from '@shared/api/assessments';
import { loadExamples } from '../../../electron/core/assessments/examples';
import { replySentence } from '../../../electron/core/assessments/report-methodology';
import { datesIn } from '../../../electron/core/exports/document';
import { exportLabels } from '../../../electron/core/exports/labels';
import { phaseProgress } from '../../../electron/core/assessments/rules';

const [vietnam, china] = loadExamples('resources');

describe('the example assessments', () => {
  it('give the reason for not contacting the company directly (safety) and the alternative (a reply sought through a partner)', () => {
    expect(vietnam!.safety.mitigations).not.toMatch(/no contact with the company before publication/);
    const reply = vietnam!.publication.rightOfReply;
    expect(reply).toMatchObject({ status: 'sent', route: 'partner' });
    expect(reply.routeReason).toMatch(/safety/);
    expect(replySentence(reply, datesIn('en-GB'), exportLabels('en-GB'))).toMatch(/^The findings were sent to the company through a partner \(.+\) on 15 June 2024, with a deadline for its reply of 15 July 2024\./);
    expect(vietnam!.publication.legalReview.risks).toMatch(/Articles 117 and 331/);
  });

  it('rate every impact on scale, scope and irremediability, say how the company is involved, and record consent per use', () => {
    for (const example of [vietnam!, china!]) {
      const phases = Object.fromEntries(phaseProgress({ ...example, use: { ...example.use, planId: null, packageId: null } }).map((p) => [p.key, p.missing]));
      expect(phases.team).toEqual([]);
      expect(phases.impacts).toEqual([]);
      // Only the company's reply is still awaited, and the report is assembled when the example is opened.
      expect(phases.findings).toEqual(["Record the company's response, or that none came by the deadline.", 'Assemble the report and save it.']);
    }
  });

  it('parse as records of the current shape', () => {
    for (const example of [vietnam!, china!]) {
      expect(() => AssessmentRecord.parse({ ...example, use: { ...example.use, planId: null, packageId: null }, example: true, id: crypto.randomUUID(), createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' })).not.toThrow();
    }
  });
});
