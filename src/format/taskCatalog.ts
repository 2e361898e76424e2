import type { Task, TaskId } from '../domain/types.ts';

// Facts and their certainty come from shared/reference/giellm-format.md. Anything not confirmed there is a
// default that a FormatProfile can override; nothing below is assumed elsewhere in the code.

const SCNM_CATEGORIES = ['社会', '文芸', '学問', '技術', '自然'];
const NER_TYPES = ['人名', '法人名', '政治的組織名', 'その他の組織名', '地名', '施設名', '製品名', 'イベント名'];
// スポーツ and 映画 are confirmed; 女性 and IT inferred; the paper's fifth ("CM") has no known Japanese string.
const TCREE_CATEGORIES = ['スポーツ', '映画', '女性', 'IT', 'CM'];
const RE_LABELS = ['所属', '職業', '監督'];
const EE_TRIGGERS = ['引退', '合格', '棄権', '出演', '対戦', '復帰'];
const SCPOS_CATEGORIES = ['積極', '消極'];
const POLARITIES = ['ポジティブ', '中立', 'ネガティブ'];

const sentiment = (id: TaskId, ja: string, en: string, iw: string): Task => ({
  id,
  dataset: 'SCPOS',
  name: { ja, en },
  shape: 'pairs',
  defaultIw: iw,
  iwConfirmed: false,
  defaultCategories: SCPOS_CATEGORIES,
  wordLabels: POLARITIES,
  wordLabelsComplete: true,
});

export const TASKS: Readonly<Record<TaskId, Task>> = {
  ner: {
    id: 'ner',
    dataset: 'SCNM',
    name: { ja: '固有表現抽出', en: 'Named entity recognition' },
    shape: 'pairs',
    defaultIw: '固有表現抽出',
    iwConfirmed: true,
    defaultCategories: SCNM_CATEGORIES,
    wordLabels: NER_TYPES,
    wordLabelsComplete: true,
  },
  re: {
    id: 're',
    dataset: 'TCREE',
    name: { ja: '関係抽出', en: 'Relation extraction' },
    shape: 'triple',
    defaultIw: '関係抽出',
    iwConfirmed: true,
    defaultCategories: TCREE_CATEGORIES,
    wordLabels: RE_LABELS,
    wordLabelsComplete: false,
  },
  ee: {
    id: 'ee',
    dataset: 'TCREE',
    name: { ja: 'イベント抽出', en: 'Event extraction' },
    shape: 'event',
    defaultIw: 'イベント抽出',
    iwConfirmed: true,
    defaultCategories: TCREE_CATEGORIES,
    wordLabels: EE_TRIGGERS,
    wordLabelsComplete: false,
  },
  // The Japanese SCPOS IWs are unknown; these follow the paper's English ("Sentiment Extraction" + the
  // word class) in the style of the confirmed IWs, and are editable in every profile.
  'se-rw': sentiment('se-rw', '感情抽出（関係語）', 'Sentiment words: relation words', '感情抽出関係語'),
  'se-n': sentiment('se-n', '感情抽出（名詞）', 'Sentiment words: nouns', '感情抽出名詞'),
  'se-adj': sentiment('se-adj', '感情抽出（形容詞）', 'Sentiment words: adjectives', '感情抽出形容詞'),
  'se-nadj': sentiment('se-nadj', '感情抽出（名詞・形容詞）', 'Sentiment words: nouns and adjectives', '感情抽出名詞形容詞'),
};

export const TASK_IDS = Object.keys(TASKS) as TaskId[];

export function isTaskId(value: unknown): value is TaskId {
  return typeof value === 'string' && Object.hasOwn(TASKS, value);
}
