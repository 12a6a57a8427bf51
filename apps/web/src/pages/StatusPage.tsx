import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { DemoCasePanel } from '../modules/demo-case/components/DemoCasePanel';
import { SystemStatusPanel } from '../modules/system-status/components/SystemStatusPanel';
import { PageTitle } from '../ui/PageTitle';

export function StatusPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('nav.status')} description={t('workspace.status')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <SystemStatusPanel />
        </Col>
        <Col xs={24} xl={10}>
          <DemoCasePanel />
        </Col>
      </Row>
    </>
  );
}
