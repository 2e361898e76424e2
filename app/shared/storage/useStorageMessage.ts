import { useTranslation } from 'react-i18next';
import type { StorageProblem } from './corpusRepository.ts';

/** A storage problem in the user's language, or null. */
export function useStorageMessage(problem: StorageProblem | null): string | null {
  const { t } = useTranslation();
  if (!problem) return null;
  if (problem.code === 'unavailable') return t('storage.unavailable', problem.params);
  return t(`storage.${problem.code}`);
}
