import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ComingSoon } from '../ui/ComingSoon';

interface ComingSoonPageProps {
  labelKey: string;
  descriptionKey?: string;
}

export function ComingSoonPage({ labelKey, descriptionKey }: ComingSoonPageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <ComingSoon
      title={t('comingSoon.title', { page: t(labelKey) })}
      description={[descriptionKey && t(descriptionKey), t('comingSoon.description')]
        .filter(Boolean)
        .join('\n')}
      action={<Button onClick={() => navigate('/')}>{t('comingSoon.backHome')}</Button>}
    />
  );
}
