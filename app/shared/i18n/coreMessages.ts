import type { CapabilityIssue, EngineFailure } from '../../../src/index.ts';
import { noticesOf, warningText, type Notice } from '../../../src/format/warnings.ts';
import { jsonColumn } from '../../../src/data/inputErrors.ts';
import { fieldProblemText, type FieldProblem } from '../../../src/models/fieldErrors.ts';
import { profileProblemText, type ProfileProblem } from '../../../src/format/profile.ts';
import { formatInputError, type InputError } from '../../../src/data/records.ts';
import { i18next } from './i18n.ts';

/** A core failure in the UI's language: the `core` namespace by code, else the core's own English words. */
export function localizeFailure(f: EngineFailure): { message: string; nextStep: string } {
  const code = f.code ?? f.kind;
  const opts = { ns: 'core', ...f.params };
  return {
    message: i18next.t(`failure.${code}.message`, { ...opts, defaultValue: f.message }),
    nextStep: i18next.t(`failure.${code}.nextStep`, { ...opts, defaultValue: f.nextStep }),
  };
}

/** Why a model cannot run, in the UI's language, from the issue's code; `english` is the core's wording. */
export function localizeIssue(issue: CapabilityIssue, english: string): string {
  return i18next.t(`capability.${issue.code}`, { ns: 'core', ...issue.params, defaultValue: english });
}

/** One parse warning in the UI's language, from its code; English is the core's own text. */
export function localizeNotice(n: Notice): string {
  const english = warningText(n);
  const p = n.params as Record<string, string | number | undefined>;
  if (n.code === 'not-found' && n.params.role === 'span') return i18next.t('warning.not-found-span', { ns: 'core', ...p, defaultValue: english });
  // Roles and parts are words of the UI (主語, スパン…), never the core's field names.
  const words = {
    ...(n.code === 'not-found' ? { role: i18next.t(`result.${n.params.role}`, { defaultValue: n.params.role }) } : {}),
    ...(n.code === 'pair-empty' ? { part: i18next.t(`warningPart.${n.params.part}`, { ns: 'core', defaultValue: n.params.part }) } : {}),
  };
  return i18next.t(`warning.${n.code}`, { ns: 'core', ...p, ...words, defaultValue: english });
}

/** An extraction's warnings in the UI's language where their codes are known, else as the core wrote them. */
export function localizedWarnings(x: { warnings: readonly string[]; notices?: readonly Notice[] }): string[] {
  const notices = noticesOf(x);
  return notices ? notices.map(localizeNotice) : [...x.warnings];
}

/** A problem with a place in an input file, in the UI's language where its code is known: `file:line: message`. */
export function localizeInputError(e: InputError): string {
  const p = e.problem;
  if (!p) return formatInputError(e);
  // JSON.parse explains itself in the engine's English: only where it failed is kept.
  const column = p.code === 'not-json' ? jsonColumn(p.params.detail) : null;
  const key = p.code === 'not-json' && column !== null ? 'not-json-at' : p.code === 'extraction-offsets' && p.params.more > 0 ? 'extraction-offsets-more' : p.code;
  // Words the message builds on: a mapped CSV column's role, papaparse's reason (its English otherwise).
  const words =
    p.code === 'csv-column-missing'
      ? { field: i18next.t(`csvField.${p.params.field}`, { ns: 'core', defaultValue: p.params.field }) }
      : p.code === 'csv-invalid'
        ? { reason: i18next.t(`csvReason.${p.params.reason}`, { ns: 'core', defaultValue: p.params.detail }) }
        : p.code === 'extraction-offsets'
          ? { item: i18next.t(`extractionItem.${p.params.kind}`, { ns: 'core', n: p.params.n, field: i18next.t(`result.${p.params.field}`, { defaultValue: p.params.field }) }) }
          : {};
  const message = i18next.t(`input.${key}`, { ns: 'core', column, ...p.params, ...words, defaultValue: e.message });
  return formatInputError({ ...e, message });
}

/** A model form's problem with one field, in the UI's language: the field as its form labels it, then what is wrong. */
export function localizeFieldProblem(p: FieldProblem): string {
  const field = i18next.t(`models.fieldNames.${p.field}`, { defaultValue: p.field });
  const key = p.code === 'token-id' && p.params.none ? 'token-id-none' : p.code;
  const words = p.code === 'url-required' ? { what: i18next.t(`modelFieldWhat.${p.params.what}`, { ns: 'core', defaultValue: p.params.what }) } : {};
  const message = i18next.t(`modelField.${key}`, { ns: 'core', ...p.params, ...words, defaultValue: fieldProblemText(p) });
  return i18next.t('models.fieldProblem', { field, message });
}

/** A format profile's problem in the UI's language, the field named as the editor labels it; English keeps `iw.ner: …`. */
export function localizeProfileProblem(p: ProfileProblem): string {
  const english = profileProblemText(p);
  if (!i18next.exists(`profile.${p.code}`, { ns: 'core' })) return english;
  const [key, task] = p.path.split('.');
  const names: Record<string, string> = { iw: 'profile.iw', categories: 'profile.labels', wordLabels: 'profile.wordLabels', labelColours: 'profile.labelColour', labelKeys: 'profile.labelKey' };
  const label = key && names[key] ? i18next.t(names[key] as 'profile.iw') : p.path;
  const message = i18next.t(`profile.${p.code}`, { ns: 'core', ...p.params });
  return i18next.t('models.fieldProblem', { field: task ? `${label}（${task}）` : label, message });
}
