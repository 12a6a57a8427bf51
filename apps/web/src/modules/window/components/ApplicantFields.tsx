import { Col, Form, Input, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { identityProblem } from '../utils/identity-check';

/** The applicant: a person by resident ID, or an organisation by unified social credit code; checked as typed. */
/** The form's field of a request path under `applicant.` (the form holds the applicant's fields at its top). */
export const applicantField = (path: string): string => path.replace(/^applicant\./, '');

export function ApplicantFields() {
  const { t } = useTranslation();
  const kind = Form.useWatch('kind') ?? 'person';
  return (
    <Row gutter={16}>
      <Col xs={24} lg={6}>
        <Form.Item name="kind" label={t('window.applicant.kind')} initialValue="person">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'person', label: t('window.applicant.person') },
              { value: 'organisation', label: t('window.applicant.organisation') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={24} lg={6}>
        <Form.Item
          name="idNumber"
          label={kind === 'person' ? t('window.applicant.residentId') : t('window.applicant.uscc')}
          dependencies={['kind']}
          required
          validateDebounce={300}
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                const problem = identityProblem(t, kind, value ?? '');
                if (problem) throw new Error(problem);
              },
            },
          ]}
        >
          <Input maxLength={18} allowClear autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} lg={6}>
        <Form.Item
          name="name"
          label={kind === 'person' ? t('window.applicant.name') : t('window.applicant.orgName')}
          rules={[{ required: true, whitespace: true, message: t('window.applicant.nameRequired') }]}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} lg={6}>
        <Form.Item
          name="phone"
          label={t('window.applicant.phone')}
          rules={[
            {
              pattern: /^(\+?86)?1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/,
              message: t('window.applicant.phoneFormat'),
            },
          ]}
        >
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} lg={6}>
        <Form.Item
          name="email"
          label={t('window.applicant.email')}
          extra={t('window.applicant.emailHint')}
          rules={[{ type: 'email', message: t('window.applicant.emailFormat') }]}
        >
          <Input maxLength={254} autoComplete="off" />
        </Form.Item>
      </Col>
    </Row>
  );
}
