import { Col, Row } from 'antd';
import type { CaseDetailsResponse } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ClockCard } from './ClockCard';

/** The case clocks (statutory, promised, issuance) with what stopped them. */
export function CaseClocks({
  clocks,
  stoppedBy,
}: {
  clocks: NonNullable<CaseDetailsResponse['view']>['clocks'];
  stoppedBy?: string;
}) {
  const { t } = useTranslation();
  const cards = [
    { key: 'statutory', clock: clocks.statutory },
    ...(clocks.promised ? [{ key: 'promised', clock: clocks.promised }] : []),
    ...(clocks.issuance ? [{ key: 'issuance', clock: clocks.issuance }] : []),
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map(({ key, clock }) => (
        <Col key={key} xs={24} md={8}>
          <ClockCard
            title={t(`approvals.caseFile.clocks.${key}`)}
            clock={clock}
            stoppedBy={clocks.suspended && key !== 'issuance' ? stoppedBy : undefined}
          />
        </Col>
      ))}
    </Row>
  );
}
