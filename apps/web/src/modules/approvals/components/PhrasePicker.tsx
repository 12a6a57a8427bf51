import { useState } from 'react';
import { Button, Dropdown, type MenuProps } from 'antd';
import { DownOutlined, MessageOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { usePhrases } from '../hooks/use-phrases';
import { PhraseManagerModal } from './PhraseManagerModal';

const shown = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * 常用语: a menu of the user's own phrases and their department's (loaded when first opened); clicking one
 * hands it to `onPick`. Its last entry opens the manager (own list; the department's for its lead).
 */
export function PhrasePicker({ field, onPick }: { field: string; onPick: (text: string) => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [managing, setManaging] = useState(false);
  const phrases = usePhrases(opened);
  const lists = phrases.data;
  const group = (key: 'mine' | 'department', label: string, items: { id: string; text: string }[]) => ({
    type: 'group' as const,
    key,
    label,
    children:
      items.length > 0
        ? items.map((p) => ({ key: `${key}:${p.id}`, label: <span title={p.text}>{shown(p.text)}</span> }))
        : [{ key: `${key}:none`, label: t('approvals.phrases.none'), disabled: true }],
  });
  const items: MenuProps['items'] = lists
    ? [
        group('mine', t('approvals.phrases.mine'), lists.mine),
        group('department', t('approvals.phrases.department'), lists.department.items),
        { type: 'divider' },
        { key: 'manage', label: t('approvals.phrases.manage') },
      ]
    : [
        {
          key: 'loading',
          disabled: true,
          label: phrases.error ? t('approvals.phrases.loadFailed') : t('approvals.phrases.loading'),
        },
      ];
  const pick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'manage') return setManaging(true);
    const [list, id] = String(key).split(':');
    const all = list === 'mine' ? lists?.mine : lists?.department.items;
    const phrase = all?.find((p) => p.id === id);
    if (phrase) onPick(phrase.text);
  };
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{ items, onClick: pick, style: { maxHeight: 320, overflowY: 'auto' } }}
        onOpenChange={(open) => {
          if (open && !opened) setOpened(true);
          else if (open) phrases.refresh();
        }}
      >
        <Button
          size="small"
          type="link"
          icon={<MessageOutlined />}
          style={{ alignSelf: 'flex-start', paddingInline: 0 }}
          data-testid={`phrase-picker-${field}`}
        >
          {t('approvals.phrases.button')} <DownOutlined />
        </Button>
      </Dropdown>
      {managing && lists && (
        <PhraseManagerModal lists={lists} onChanged={phrases.refresh} onClose={() => setManaging(false)} />
      )}
    </>
  );
}
