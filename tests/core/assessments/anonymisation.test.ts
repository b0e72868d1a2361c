// The anonymisation check warns wherever a stakeholder's real name appears, however it is typed.
import { describe, expect, it } from 'vitest';
import { findRealNames, fold } from '../../../electron/core/assessments/anonymisation';

const ID = '00000000-0000-4000-8000-000000000001';
const names = (realName: string) => [{ stakeholderId: ID, pseudonym: 'Activist A', realName }];
const place = (text: string) => [{ where: 'Phase 5 · Impact 1 · What happened', phase: 'impacts' as const, text }];
const hitsIn = (realName: string, text: string) => findRealNames(names(realName), place(text));

describe('the anonymisation check', () => {
  it('finds a Vietnamese name typed without diacritics, in any case', () => {
    const [hit] = hitsIn('Nguyễn Văn An', '"They took my page down," said NGUYEN VAN AN after the meeting.');
    expect(hit).toMatchObject({ pseudonym: 'Activist A', where: 'Phase 5 · Impact 1 · What happened', phase: 'impacts' });
    expect(hit!.excerpt.slice(hit!.mark[0], hit!.mark[1])).toBe('NGUYEN VAN AN');
  });

  it('finds the name with diacritics when it was recorded without them, and folds đ to d', () => {
    expect(hitsIn('Tran Thi Dung', 'Bà Trần Thị Dũng kể lại')).toHaveLength(1);
    expect(hitsIn('Đỗ Minh', 'do minh')).toHaveLength(1);
    expect(hitsIn('Do Minh', 'Đỗ Minh nói')).toHaveLength(1);
  });

  it('finds the name inside a longer quotation, across line breaks and doubled spaces', () => {
    const text = 'Interview 3:\n> "I am Nguyen  Van\nAn and I ran the page for years."';
    expect(hitsIn('Nguyễn Văn An', text)).toHaveLength(1);
  });

  it('finds a Chinese name inside an unspaced Chinese sentence', () => {
    const [hit] = hitsIn('王小明', '维权人士王小明的账号被封禁。');
    expect(hit!.excerpt.slice(hit!.mark[0], hit!.mark[1])).toBe('王小明');
  });

  it('finds full-width and run-together forms of a name, as in handles and addresses', () => {
    expect(hitsIn('Wang Fang', 'ＷＡＮＧ ＦＡＮＧ')).toHaveLength(1);
    expect(hitsIn('Nguyễn Văn An', 'The impersonating account was @NguyenVanAn_official.')).toHaveLength(1);
  });

  it('does not warn when a short name is only part of another word', () => {
    expect(hitsIn('An', 'Analysis of the ban')).toEqual([]);
    expect(hitsIn('Lan', 'The plan for Thailand')).toEqual([]);
    expect(hitsIn('Lan', 'Lan said the plan failed')).toHaveLength(1);
  });

  it('reports every occurrence, with where it is and an excerpt cut around it', () => {
    const long = `${'x '.repeat(60)}Nguyen Van An spoke, and later nguyễn văn an wrote.${' y'.repeat(60)}`;
    const hits = hitsIn('Nguyễn Văn An', long);
    expect(hits).toHaveLength(2);
    for (const hit of hits) {
      expect(hit.excerpt.startsWith('…')).toBe(true);
      expect(fold(hit.excerpt.slice(hit.mark[0], hit.mark[1])).text).toBe('nguyen van an');
    }
  });

  it('ignores stakeholders without a usable real name', () => {
    expect(hitsIn(' ', 'anything')).toEqual([]);
    expect(hitsIn('A', 'A b c')).toEqual([]);
  });
});
