import { Col, Row, Typography } from 'antd';
import { useI18n } from '../../app/i18n';

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <Col xs={24} md={12}>
      <Typography.Text strong>{label}</Typography.Text>
      <pre
        style={{
          margin: '4px 0 0',
          padding: 8,
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          fontSize: 12,
          overflowX: 'auto',
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
        }}
      >
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </Col>
  );
}

/** An audit event's before/after state, side by side on wide screens. */
export function AuditJson({ before, after, ip, requestId }: { before: unknown; after: unknown; ip: string | null; requestId: string | null }) {
  const { t } = useI18n();
  // width 0 / min-width 100 %: the long JSON lines wrap at the table's width instead of widening it.
  return (
    <div style={{ width: 0, minWidth: '100%' }}>
      <Row gutter={[16, 8]}>
        <Json label={t('audit.before')} value={before} />
        <Json label={t('audit.after')} value={after} />
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('audit.ip')}: {ip ?? '—'} · {t('audit.requestId')}: {requestId ?? '—'}
      </Typography.Text>
    </div>
  );
}
