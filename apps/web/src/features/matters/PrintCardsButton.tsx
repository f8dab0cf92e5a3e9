import { Button, Form, Modal } from 'antd';
import { useState } from 'react';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { UnitPicker } from '../org/UnitPicker';

/** Opens the server's printable contact cards (民情联心卡, with each household's report QR) in a new tab. */
export function PrintCardsButton({ unitCode }: { unitCode?: string }) {
  const { t } = useI18n();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState<string | undefined>(unitCode ?? me.unitCode ?? undefined);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('matters.printCards')}</Button>
      {open && (
        <Modal
          open
          title={t('matters.printCards')}
          okText={t('matters.printCards')}
          cancelText={t('common.cancel')}
          okButtonProps={{ disabled: !code, href: code ? `/api/cards?unitCode=${code}` : undefined, target: '_blank', rel: 'noopener' }}
          onOk={() => setOpen(false)}
          onCancel={() => setOpen(false)}
        >
          <Form layout="vertical">
            <Form.Item label={t('matters.printUnit')}>
              <UnitPicker value={code} onChange={setCode} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
