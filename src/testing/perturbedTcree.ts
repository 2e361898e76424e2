/**
 * A hand-perturbed copy of the six TCREE sample rows, as a "prediction" to score against their gold, and
 * the scores worked out by hand (see the comments) so tests check the metrics against arithmetic, not
 * against themselves.
 *
 * Row 1 (EE): category wrong (映画), items right.       Row 2 (RE): unchanged.
 * Row 3 (EE): trigger 出演 → 対戦 (a wrong label).        Row 4 (EE): unchanged.
 * Row 5 (RE): the gold triple plus an extra one.        Row 6 (RE): tail どん底 → どん底の中 (missing + extra).
 */
export const PERTURBED_OUTPUTS = [
  '<映画>イベント抽出:吉田秀彦;引退;今月8日:',
  '<スポーツ>関係抽出:国母和宏;所属;東海大:',
  '<スポーツ>イベント抽出:浅田真央;対戦;日本テレビ;27日:',
  '<スポーツ>イベント抽出:中村俊輔;復帰;Jリーグ;13日:',
  '<映画>関係抽出:山村浩二;監督;マイブリッジの糸:山村浩二;所属;マイブリッジの糸:',
  '<映画>関係抽出:黒澤明;監督;どん底の中:',
];

/**
 * RE (rows 2, 5, 6): TL 3/3; WL 2 of 3 gold triples; ALL rows 2 and 5 → 2/3; strict ALL only row 2 → 1/3;
 * precision 2 of 4 predicted; F1 = 2·50·66.67 / 116.67 = 57.14.
 * EE (rows 1, 3, 4): TL 2/3; WL 2/3; ALL only row 4 → 1/3; strict the same; P = R = F1 = 66.67.
 * Overall: TL 5/6, WL 4/6, ALL 3/6, strict 2/6, precision 4/7, F1 = 2·57.14·66.67 / 123.81 = 61.54.
 */
export const PERTURBED_EXPECTED = {
  re: { n: 3, tl: 100, wl: 66.67, all: 66.67, allStrict: 33.33, f1: 57.14 },
  ee: { n: 3, tl: 66.67, wl: 66.67, all: 33.33, allStrict: 33.33, f1: 66.67 },
  overall: { n: 6, tl: 83.33, wl: 66.67, all: 50, allStrict: 33.33, f1: 61.54 },
} as const;
