import type { TaskId } from '../domain/types.ts';
import { TASKS } from '../format/taskCatalog.ts';
import type { FormatProfile } from '../format/profile.ts';
import { buildInput, labelSetString } from '../format/buildInput.ts';
import { EXAMPLES, type WorkedExample } from './examples.ts';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export const MAX_EXAMPLES = 5;

const FORMATS: Record<'pairs' | 'triple' | 'event', string> = {
  pairs: '<カテゴリ>{IW}:ラベル;語句:ラベル;語句 …（該当なしなら <カテゴリ>{IW} のみ）',
  triple: '<カテゴリ>{IW}:主語;関係;目的語:',
  event: '<カテゴリ>{IW}:主体;トリガー;対象;時間:（対象がなければ :主体;トリガー;時間:）',
};

/** The instruction a general model gets in place of fine-tuning, like the paper's GPT-3.5 baseline (IL). */
export function instructionFor(task: TaskId, profile: FormatProfile): string {
  const spec = TASKS[task];
  const iw = profile.iw[task];
  const labels = profile.wordLabels[task];
  const lines = [
    `あなたは日本語の情報抽出システムです。タスク: ${spec.name.ja}（${spec.name.en}）。`,
    `1. 文全体を次のカテゴリのどれか1つに分類する: ${labelSetString(profile.categories[task])}`,
    spec.shape === 'pairs'
      ? `2. 文中の語句を抽出し、ラベルを付ける。ラベル: ${labels.join('、')}。語句は文中の表記のまま書く。`
      : `2. 文中から${spec.shape === 'triple' ? '関係（主語・関係・目的語）' : 'イベント（主体・トリガー・対象・時間）'}を1つ抽出する。${labels.length ? `例: ${labels.join('、')}。` : ''}`,
    `3. 次の形式の1行だけを出力し、説明は書かない: ${FORMATS[spec.shape].replaceAll('{IW}', iw)}`,
  ];
  return lines.join('\n');
}

/** Instruction + k worked examples as user/assistant turns + the input, all in the GIELLM format (ICL + IL). */
export function buildPromptedMessages(text: string, task: TaskId, profile: FormatProfile, k: number, pool: readonly WorkedExample[] = EXAMPLES[task]): ChatMessage[] {
  const n = Math.max(0, Math.min(MAX_EXAMPLES, Math.floor(k), pool.length));
  const messages: ChatMessage[] = [{ role: 'system', content: instructionFor(task, profile) }];
  for (const ex of pool.slice(0, n)) {
    messages.push({ role: 'user', content: buildInput(ex.text, task, profile) });
    messages.push({ role: 'assistant', content: `<${ex.category}>${profile.iw[task]}${ex.items}` });
  }
  messages.push({ role: 'user', content: buildInput(text, task, profile) });
  return messages;
}

/**
 * For a chat template without a system role (Gemma 2's writes the system text outside any turn): the
 * instruction goes at the head of the first user turn, as Gemma's own card asks.
 */
export function foldSystemIntoUser(messages: readonly ChatMessage[]): ChatMessage[] {
  const system = messages.filter((m) => m.role === 'system').map((m) => m.content);
  if (system.length === 0) return [...messages];
  const rest = messages.filter((m) => m.role !== 'system');
  const first = rest.findIndex((m) => m.role === 'user');
  if (first === -1) return [{ role: 'user', content: system.join('\n\n') }, ...rest];
  return rest.map((m, i) => (i === first ? { role: 'user', content: `${system.join('\n\n')}\n\n${m.content}` } : m));
}

/** Characters the model reads, for comparing prompting modes. */
export const promptLength = (messages: readonly ChatMessage[]) => messages.reduce((n, m) => n + m.content.length, 0);
