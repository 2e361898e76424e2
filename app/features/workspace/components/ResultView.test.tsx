// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import '../../../shared/i18n/i18n.ts';
import { setLanguage } from '../../../shared/i18n/i18n.ts';
import { DEFAULT_PROFILE as P, TextIndex, extract, serializeOutput, emptyExtraction } from '../../../../src/index.ts';
import { loadStockmark, loadTcree } from '../../../../src/testing/sharedData.ts';
import { ResultView } from './ResultView.tsx';

setLanguage('en');
afterEach(cleanup);

const marks = (c: HTMLElement) => [...c.querySelectorAll('[data-testid="highlighted"] mark')].map((m) => m.textContent);

describe('ResultView on real data', () => {
  it('shows each TCREE row’s category, its arguments highlighted at their offsets, and its table', () => {
    for (const row of loadTcree()) {
      const task = row.iw === '関係抽出' ? 're' : 'ee';
      const x = extract(row.output, task, P, row.text);
      const { container } = render(<ResultView text={row.text} extraction={x} />);
      expect(screen.getByTestId('category').textContent).toBe(row.category);
      const table = screen.getByTestId(task === 're' ? 'relations' : 'events');
      expect(within(table).getAllByRole('row')).toHaveLength(2);
      // Every highlighted piece is the source text at the offsets the core computed.
      const idx = new TextIndex(row.text);
      const offsets = task === 're' ? [x.relations[0]!.offsets.head, x.relations[0]!.offsets.tail] : Object.values(x.events[0]!.offsets);
      const expected = offsets.filter((o) => o !== null).sort((a, b) => a![0] - b![0]).map((o) => idx.slice(...o!));
      expect(marks(container)).toEqual(expected);
      // The whole text is still there, in order, once.
      expect(screen.getByTestId('highlighted').textContent).toBe(row.text);
      cleanup();
    }
  });

  it('highlights every stockmark entity at its gold span', () => {
    for (const s of loadStockmark().slice(0, 60)) {
      const gold = { ...emptyExtraction('ner', '社会'), entities: s.entities.map((e) => ({ label: e.type, text: e.name })) };
      const x = extract(serializeOutput(gold, 'ner', P), 'ner', P, s.text);
      const { container } = render(<ResultView text={s.text} extraction={x} />);
      expect(marks(container)).toEqual(s.entities.map((e) => e.name));
      expect(within(screen.queryByTestId('entities') ?? document.createElement('table')).queryAllByRole('row')).toHaveLength(s.entities.length ? s.entities.length + 1 : 0);
      cleanup();
    }
  });

  it('shows warnings for broken output, and never renders output as HTML', () => {
    const text = '<b>太字</b>の松友美佐紀';
    const x = extract('<社会>固有表現抽出:人名;松友美佐紀:壊れた:製品名;<b>太字</b>:人名;山田', 'ner', P, text);
    const { container } = render(<ResultView text={text} extraction={x} />);
    expect(container.querySelector('b')).toBeNull();
    expect(marks(container)).toEqual(['<b>太字</b>', '松友美佐紀']);
    const warnings = screen.getByTestId('warnings');
    expect(warnings.textContent).toContain('could not read "壊れた" as Label;Span');
    expect(warnings.textContent).toContain('span 人名 "山田" was not found in the text');
    expect(within(screen.getByTestId('entities')).getByText('not found')).toBeTruthy();
  });

  it('links a table row and its spans both ways', () => {
    const row = loadTcree()[2]!;
    const x = extract(row.output, 'ee', P, row.text);
    const { container } = render(<ResultView text={row.text} extraction={x} />);
    const tr = within(screen.getByTestId('events')).getAllByRole('row')[1]!;
    fireEvent.focus(tr);
    expect(container.querySelectorAll('mark[data-active]')).toHaveLength(4);
    fireEvent.blur(tr);
    expect(container.querySelectorAll('mark[data-active]')).toHaveLength(0);
    fireEvent.mouseEnter(container.querySelector('mark')!);
    expect(tr.getAttribute('data-active')).toBe('true');
  });

  it('hovering words two relations share lights the first of them, and its row', () => {
    const text = '『マイブリッジの糸』監督:山村浩二、音楽:山田太郎';
    const x = extract('<映画>関係抽出:山村浩二;監督;マイブリッジの糸:山田太郎;音楽;マイブリッジの糸', 're', P, text);
    const { container } = render(<ResultView text={text} extraction={x} />);
    const shared = [...container.querySelectorAll<HTMLElement>('[data-testid="highlighted"] mark')].find((m) => m.textContent === 'マイブリッジの糸')!;
    fireEvent.mouseOver(shared);
    const rows = within(screen.getByTestId('relations')).getAllByRole('row');
    expect(rows[1]!.getAttribute('data-active')).toBe('true');
    expect(rows[2]!.getAttribute('data-active')).toBeNull();
    expect([...container.querySelectorAll('mark[data-active]')].map((m) => m.textContent).sort()).toEqual(['マイブリッジの糸', '山村浩二'].sort());
  });

  it('colours relation heads and tails apart, by role, the same in Japanese and English', () => {
    const row = loadTcree().find((r) => r.iw === '関係抽出')!;
    const x = extract(row.output, 're', P, row.text);
    // One bar per mark here (head and tail do not overlap): its label and its colour.
    const colours = () => [...document.querySelectorAll<HTMLElement>('[data-testid="highlighted"] mark')].map((m) => `${m.dataset.bars}=${m.dataset.colours}`);
    render(<ResultView text={row.text} extraction={x} />);
    const en = colours();
    expect(en).toHaveLength(2);
    expect(en[0]!.split('=')[1]).not.toBe(en[1]!.split('=')[1]);
    cleanup();
    setLanguage('ja');
    render(<ResultView text={row.text} extraction={x} />);
    const ja = colours();
    setLanguage('en');
    // The bars are named in the UI language, but coloured by role: the colours do not move.
    expect(ja.map((c) => c.split('=')[1])).toEqual(en.map((c) => c.split('=')[1]));
    expect(ja.map((c) => c.split('=')[0])).not.toEqual(en.map((c) => c.split('=')[0]));
  });
});
