import type { ChecklistResponse } from '@onewindow/contracts';
import { acceptRequest, asRequired, intakeBlockers, initialMark, type MaterialMark } from './intake-request';

const entry = (code: string, necessity: string, extra: object = {}) =>
  ({
    code,
    name: `材料${code}`,
    kind: '1',
    source: '1',
    form: 'paper',
    originals: 1,
    copies: 2,
    necessity,
    neededBy: [],
    ...extra,
  }) as unknown as ChecklistResponse['entries'][number];

const checklist = {
  itemCodes: ['ITEM-A', 'ITEM-B'],
  entries: [
    entry('M1', 'required'),
    entry('M2', 'required', { satisfiedBy: { kind: 'certificate_on_file', identifier: 'CERT-9' } }),
    entry('M3', 'tolerated_missing'),
    entry('M4', 'optional'),
  ],
} as unknown as ChecklistResponse;
const applicant = { kind: 'person' as const, idNumber: ' 11010519491231002x ', name: ' 张三 ' };

describe('the intake request from a marked checklist', () => {
  it('starts with certificates on file as 免提交 and the rest not received', () => {
    expect(checklist.entries.map(initialMark).map((m) => m.status)).toEqual([
      'missing',
      'on_file',
      'missing',
      'missing',
    ]);
  });

  it('blocks acceptance while a required or tolerable material is missing, or a tolerated one has no date', () => {
    const none = intakeBlockers(checklist.entries, {});
    expect(none.missingRequired.map((e) => e.code)).toEqual(['M1', 'M3']);
    const marks: Record<string, MaterialMark> = {
      M1: asRequired(checklist.entries[0]),
      M3: { status: 'tolerated', dueDate: undefined },
    };
    expect(intakeBlockers(checklist.entries, marks)).toEqual({
      missingRequired: [],
      toleratedWithoutDate: [checklist.entries[2]],
    });
  });

  it('sends received, reused and tolerated materials, leaves out an optional one not brought, and says 容缺', () => {
    const request = acceptRequest(checklist, 'BUNDLE-1', applicant, {
      M1: { status: 'received', originals: 1, copies: 0, electronic: true },
      M3: { status: 'tolerated', dueDate: '2026-12-20' },
    });
    expect(request).toEqual({
      applicant: { kind: 'person', idNumber: '11010519491231002X', name: '张三' },
      items: [{ implementationCode: 'ITEM-A' }, { implementationCode: 'ITEM-B' }],
      bundleCode: 'BUNDLE-1',
      materials: [
        { materialCode: 'M1', provenance: 'submitted', originals: 1, copies: 0, form: 'both' },
        { materialCode: 'M2', provenance: 'reused_certificate', certificateId: 'CERT-9' },
        { materialCode: 'M3', provenance: 'tolerated_missing', dueDate: '2026-12-20' },
      ],
      acceptanceMode: 'tolerated',
    });
  });

  it('is a normal acceptance when nothing is tolerated', () => {
    const request = acceptRequest(checklist, undefined, applicant, {
      M1: asRequired(checklist.entries[0]),
      M3: asRequired(checklist.entries[2]),
    });
    expect(request.acceptanceMode).toBe('normal');
    expect(request).not.toHaveProperty('bundleCode');
    expect(request.materials?.[0]).toEqual({
      materialCode: 'M1',
      provenance: 'submitted',
      originals: 1,
      copies: 2,
      form: 'paper',
    });
  });
});
