import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../hooks/use-code-labels';

interface TimeLimitTextProps {
  limit: { value: number; unit: string };
}

/** "20 个工作日"; 0 means decided on the spot (即办). */
export function TimeLimitText({ limit }: TimeLimitTextProps) {
  const { t } = useTranslation();
  const codeLabel = useCodeLabel();
  if (limit.value === 0) return <>{t('catalogue.onTheSpot')}</>;
  return <>{t('catalogue.limit', { value: limit.value, unit: codeLabel('unit', limit.unit) })}</>;
}
