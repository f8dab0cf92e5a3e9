import type { MatterAction } from '@jiceng/shared/matters/machine';
import { Alert, Button, Card, Col, Descriptions, Flex, Image, List, Result, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { Loading } from '../../app/Loading';
import { useLoad } from '../../app/useLoad';
import { ActionModal } from './ActionModal';
import { actionButtons, mayMerge } from './actions';
import { Countdown } from './Countdown';
import { fmt } from './format';
import { MatterTimeline } from './MatterTimeline';
import { ReporterContacts } from './ReporterContacts';
import { SimilarPanel } from './SimilarPanel';
import { StateTag } from './StateTag';
import type { MatterDetail } from '@jiceng/shared/schemas/matters';
import { useCategories } from './useCategories';

const BEFORE_ACCEPT = ['reported', 'transmitted', 'triaged'];

/** One matter: what, where, who, its clock, the departments, the history, and what the user may do now. */
export default function MatterDetailPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { nameOf } = useCategories();
  const id = Number(useParams().id);
  const { data: m, error, loading, reload } = useLoad(() => api.get<MatterDetail>(`/matters/${id}`), [id]);
  const [action, setAction] = useState<MatterAction | null>(null);
  if (loading && !m) return <Loading />;
  if (error || !m)
    return (
      <Result status="warning" title={error instanceof Error ? error.message : t('app.notFound')} extra={<Link to="/matters">{t('matters.back')}</Link>} />
    );
  const actions = actionButtons(m);
  const sat = m.rating && t(`matters.sat.${m.rating.satisfaction as 'satisfied'}`);
  const fixed = m.rating && t(`matters.fix.${m.rating.fixed as 'fixed'}`);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/matters">← {t('matters.back')}</Link>
      <Card
        title={
          <Flex wrap gap={8} align="center">
            <h1 style={{ fontSize: 18, margin: 0 }}>
              {t('matters.detail')} {m.trackingCode}
            </h1>
            <StateTag state={m.state} />
            {m.paused && <Tag>{t('matters.paused')}</Tag>}
          </Flex>
        }
        extra={<Button onClick={reload}>{t('matters.refresh')}</Button>}
      >
        {m.paused && m.pausedReason && <Alert type="info" showIcon message={`${t('matters.paused')}：${m.pausedReason}`} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 16 }}>{m.description}</Typography.Paragraph>
        <section aria-label={t('matters.actions')}>
          <Flex wrap gap={8}>
            {actions.length === 0 && <Typography.Text type="secondary">{t('matters.noActions')}</Typography.Text>}
            {actions.map((a, i) => (
              <Button key={a} type={i === 0 ? 'primary' : 'default'} danger={a === 'closeUnresolved'} onClick={() => setAction(a)}>
                {t(`matters.action.${a}`)}
              </Button>
            ))}
          </Flex>
        </section>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('matters.deadline')}>
                {fmt(m.stageDeadline)} <Countdown deadline={m.stageDeadline} paused={m.paused} />
              </Descriptions.Item>
              <Descriptions.Item label={t('matters.category')}>{nameOf(m.categoryCode)}</Descriptions.Item>
              <Descriptions.Item label={t('matters.urgency')}>{t(`matters.u.${m.urgency}`)}</Descriptions.Item>
              {m.householdId !== null && (
                <Descriptions.Item label={t('matters.household')}>
                  {can('household:read') ? <Link to={`/households/${m.householdId}`}>{t('matters.openHousehold')}</Link> : t('matters.householdLinked')}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('matters.unit')}>{m.unitName}</Descriptions.Item>
              <Descriptions.Item label={t('matters.responsible')}>{m.responsibleUnitName}</Descriptions.Item>
              <Descriptions.Item label={t('matters.reportedAt')}>{fmt(m.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('matters.reporter')}>
                <ReporterContacts m={m} />
              </Descriptions.Item>
              <Descriptions.Item label={t('matters.respondBy')}>{fmt(m.respondBy)}</Descriptions.Item>
              <Descriptions.Item label={t('matters.resolveBy')}>{fmt(m.resolveBy)}</Descriptions.Item>
              <Descriptions.Item label={t('matters.followers')}>{m.followerCount}</Descriptions.Item>
              <Descriptions.Item label={t('matters.reopenCount')}>{m.reopenCount}</Descriptions.Item>
              {m.resolution && <Descriptions.Item label={t('matters.resolution')}>{m.resolution}</Descriptions.Item>}
              {m.feedbackMessage && <Descriptions.Item label={t('matters.feedbackMessage')}>{m.feedbackMessage}</Descriptions.Item>}
              {m.rating && (
                <Descriptions.Item label={t('matters.rating')}>{`${sat}，${fixed}${m.rating.comment ? `：${m.rating.comment}` : ''}`}</Descriptions.Item>
              )}
              {m.closeReason && <Descriptions.Item label={t('matters.closeReason')}>{m.closeReason}</Descriptions.Item>}
            </Descriptions>
          </Card>
          {m.photos.length > 0 && (
            <Card size="small" title={t('matters.photos')} style={{ marginTop: 16 }}>
              <Image.PreviewGroup>
                <Flex wrap gap={8}>
                  {m.photos.map((p) => (
                    <Image key={p.id} src={p.url} width={120} alt={t('matters.photos')} />
                  ))}
                </Flex>
              </Image.PreviewGroup>
            </Card>
          )}
          {m.dispatches.length > 0 && (
            <Card size="small" title={t('matters.dispatches')} style={{ marginTop: 16 }}>
              <List
                dataSource={m.dispatches.filter((d) => d.active)}
                renderItem={(d) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <>
                          {d.departmentName} <Tag>{t(d.role === 'lead' ? 'matters.lead' : 'matters.cooperate')}</Tag>
                          {d.overdue && <Tag color="red">{t('matters.overdue')}</Tag>}
                        </>
                      }
                      description={
                        <>
                          {d.checkedInAt ? t('matters.checkedIn', { at: fmt(d.checkedInAt) }) : t('matters.notCheckedIn', { at: fmt(d.checkInBy) })}
                          {d.reply && <div>{`${t('matters.replied')}：${d.reply}`}</div>}
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            </Card>
          )}
          {BEFORE_ACCEPT.includes(m.state) && (
            <div style={{ marginTop: 16 }}>
              <SimilarPanel matter={m} canMerge={mayMerge(m)} onMerged={reload} />
            </div>
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('matters.timeline')}>
            <MatterTimeline events={m.events} />
          </Card>
        </Col>
      </Row>
      {action && (
        <ActionModal
          matter={m}
          action={action}
          onCancel={() => setAction(null)}
          onDone={() => {
            setAction(null);
            reload();
          }}
        />
      )}
    </Space>
  );
}
