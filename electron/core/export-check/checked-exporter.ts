// Every document export goes through here: the identity check runs on the document model the
// renderers print (and on the file name when it is taken from the title), the user's replacements
// are applied to it, the result is checked again, and only then is the file made.
import type { EventPayload } from '@shared/api/events';
import type { ExportFile, ExportFormat } from '@shared/api/plans';
import type { IdentityReview } from '@shared/api/export-identity';
import type { IdentityPlace } from '@shared/api/identity';
import type { ExportDocument } from '../exports/document';
import type { ExportRenderer } from '../exports/render';
import { documentPlaces, mapDocumentText } from './document-places';
import type { ExportIdentityInput, IdentityGate, Subject } from './gate';

export const FILE_NAME_PLACE = 'File name';

/** What an export writes: its document, and the title to name the file after when asked (else null). */
export interface Outgoing {
  doc: ExportDocument;
  descriptiveName: string | null;
}

export interface CheckedExporter {
  review(subject: Subject, outgoing: Outgoing): IdentityReview;
  render(subject: Subject, outgoing: Outgoing, format: ExportFormat, identity: ExportIdentityInput): Promise<ExportFile>;
}

export type ExportProgressPayload = EventPayload<'export.progress'>;

// Only PDF and Word files take long enough to need a bar; Markdown and HTML are written at once.
const STEPS = { pdf: ['check', 'layout', 'print'], docx: ['check', 'layout'] } as const;

export function checkedExporter(renderer: ExportRenderer, gate: IdentityGate, emit: (payload: ExportProgressPayload) => void = () => undefined): CheckedExporter {
  return {
    review: (subject, outgoing) => gate.review([{ subject, places: outgoingPlaces(outgoing) }]),
    async render(subject, outgoing, format, identity) {
      if (format === 'markdown' || format === 'html') return checkedRender(subject, outgoing, format, identity, async () => undefined);
      const steps: readonly ExportProgressPayload['step'][] = STEPS[format];
      let done = 0;
      const report = async (step: ExportProgressPayload['step']) => {
        emit({ format, step, done: done++, total: steps.length });
        // Lets the event reach the window before the next step's work holds the thread.
        await new Promise((resolve) => setImmediate(resolve));
      };
      const file = await checkedRender(subject, outgoing, format, identity, report);
      emit({ format, step: 'finished', done: steps.length, total: steps.length });
      return file;
    },
  };

  async function checkedRender(subject: Subject, outgoing: Outgoing, format: ExportFormat, identity: ExportIdentityInput, report: (step: 'check' | 'layout' | 'print') => Promise<void>): Promise<ExportFile> {
    await report('check');
    const pass = gate.pass([{ subject, places: outgoingPlaces(outgoing) }], identity);
    const cleaned: Outgoing = {
      doc: mapDocumentText(outgoing.doc, pass.apply),
      descriptiveName: outgoing.descriptiveName === null ? null : pass.apply(outgoing.descriptiveName),
    };
    pass.verify(outgoingPlaces(cleaned));
    const file = await renderer.render(cleaned.doc, format, cleaned.descriptiveName, report);
    pass.remember();
    return file;
  }
}

function outgoingPlaces({ doc, descriptiveName }: Outgoing): IdentityPlace[] {
  const places = documentPlaces(doc);
  if (descriptiveName !== null) places.push({ where: FILE_NAME_PLACE, text: descriptiveName });
  return places;
}
