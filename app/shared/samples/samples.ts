import tcreeRaw from './tcree-sample.jsonl?raw';
import livedoorRaw from './livedoor-sample.jsonl?raw';
import type { TaskId } from '../../../src/index.ts';

export interface Sample {
  id: string;
  text: string;
  task: TaskId;
  /** A gold output, where the data has one. */
  output?: string;
  credit: string;
}

const lines = (raw: string) => raw.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, string>);

export const SAMPLES: Sample[] = [
  ...lines(tcreeRaw).map((r, i) => ({
    id: `tcree-${i + 1}`,
    text: r.text!,
    task: (r.iw === '関係抽出' ? 're' : 'ee') as TaskId,
    output: r.output!,
    credit: 'TCREE (Gan et al.), CC BY-NC 4.0; text: Livedoor News Corpus',
  })),
  ...lines(livedoorRaw).map((r, i) => ({
    id: `livedoor-${i + 1}`,
    text: r.text!,
    task: 'ner' as TaskId,
    credit: `${r.source}; ${r.license}`,
  })),
];
