import type { IntakeRefusalRequest, IntakeRefusalResponse } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { refuseAtIntake } from '../api/window.api';
import { RefusalModal } from './RefusalModal';

/** 不予受理 at the counter: the application is refused before it ever becomes a case file. */
export function IntakeRefusalModal({
  application,
  idempotencyKey,
  onClose,
  onRefused,
}: {
  application: IntakeRefusalRequest['application'];
  idempotencyKey: string;
  onClose: () => void;
  onRefused: (refused: IntakeRefusalResponse) => void;
}) {
  const { t } = useTranslation();
  return (
    <RefusalModal
      title={t('window.refusal.title')}
      testId="intake-refusal-form"
      refuse={(values) => refuseAtIntake({ application, ...values }, idempotencyKey)}
      onClose={onClose}
      onRefused={onRefused}
    />
  );
}
