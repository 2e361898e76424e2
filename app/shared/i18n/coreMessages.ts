import type { CapabilityIssue, EngineFailure } from '../../../src/index.ts';
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
