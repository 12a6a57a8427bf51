import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { WorkspaceDirectory } from '../modules/layout/components/WorkspaceDirectory';
import { SystemStatusPanel } from '../modules/system-status/components/SystemStatusPanel';
import { PageTitle } from '../ui/PageTitle';

export function HomePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('home.title')} description={t('app.tagline')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <WorkspaceDirectory />
        </Col>
        <Col xs={24} xl={10}>
          <SystemStatusPanel stacked extra={<Link to="/status">{t('nav.status')}</Link>} />
        </Col>
      </Row>
    </>
  );
}
