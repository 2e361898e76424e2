import type { TaskId } from '../domain/types.ts';

export interface WorkedExample {
  text: string;
  category: string;
  /** The word-level part, written as the GIELLM output format writes it (after the IW). */
  items: string;
  source: string;
}

// NER: stockmark ner-wikipedia v2.0 sentences (CC BY-SA 3.0, credit stockmark); their SCNM category is not
// in that data, so the category here is ours. RE/EE: TCREE gold rows (CC BY-NC 4.0, Gan et al.; texts from
// the Livedoor News Corpus). Sentiment: sentences written for this app (the SCPOS data is not reachable).
const STOCKMARK = 'stockmark ner-wikipedia-dataset (CC BY-SA 3.0)';
const TCREE = 'TCREE (CC BY-NC 4.0); Livedoor News Corpus';
const OURS = 'written for GIELLM Web';

const NER: WorkedExample[] = [
  { text: 'SPRiNGSと最も仲の良いライバルグループ。', category: '社会', items: ':その他の組織名;SPRiNGS', source: STOCKMARK },
  { text: 'レッドフォックス株式会社は、東京都千代田区に本社を置くITサービス企業である。', category: '技術', items: ':法人名;レッドフォックス株式会社:地名;東京都千代田区', source: STOCKMARK },
  { text: '松友美佐紀は、日本のバドミントン選手。', category: '社会', items: ':人名;松友美佐紀:地名;日本', source: STOCKMARK },
];
const RE: WorkedExample[] = [
  { text: 'スノーボード男子ハーフパイプの国母和宏(東海大)が、バンクーバーへの移動中に空港で服装の乱れを指摘されたことから、その謝罪会見や開会式出席の自粛等に発展した問題は現在も賛否が分かれている。', category: 'スポーツ', items: ':国母和宏;所属;東海大:', source: TCREE },
  { text: '『マイブリッジの糸』(11) 監督:山村浩二', category: '映画', items: ':山村浩二;監督;マイブリッジの糸:', source: TCREE },
  { text: 'ゴーリキーの同名戯曲『どん底』を日本の江戸時代に置き換えて、貧しい長屋の様々な住人の人間模様を描く黒澤明監督作品。香川さんが黒澤時代劇のヒロイン役に抜擢され、どん底の中で生きる美少女役を演じる。', category: '映画', items: ':黒澤明;監督;どん底:', source: TCREE },
];
const EE: WorkedExample[] = [
  { text: '今月8日、都内ホテルでは、総合格闘家・吉田秀彦の引退試合興行「ASTRA」の開催が発表された。', category: 'スポーツ', items: ':吉田秀彦;引退;今月8日:', source: TCREE },
  { text: '27日に生放送された日本テレビ「バンクーバー2010」には、女子フィギュアスケートで銀メダルを獲得した浅田真央が出演した。', category: 'スポーツ', items: ':浅田真央;出演;日本テレビ;27日:', source: TCREE },
  { text: '13日、約7年半ぶりにJリーグ復帰を果たした横浜F・マリノス所属・中村俊輔。', category: 'スポーツ', items: ':中村俊輔;復帰;Jリーグ;13日:', source: TCREE },
];
const SE: WorkedExample[] = [
  { text: '新しいカメラは画質が素晴らしく、操作も簡単だ。', category: '積極', items: ':ポジティブ;素晴らしく:ポジティブ;簡単', source: OURS },
  { text: '駅前の店は料理が冷たく、店員の対応も悪かった。', category: '消極', items: ':ネガティブ;冷たく:ネガティブ;悪かっ', source: OURS },
];

export const EXAMPLES: Readonly<Record<TaskId, readonly WorkedExample[]>> = {
  ner: NER,
  re: RE,
  ee: EE,
  'se-rw': SE,
  'se-n': SE,
  'se-adj': SE,
  'se-nadj': SE,
};
