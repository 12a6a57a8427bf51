import { useState } from 'react';
import { Alert, App, Button, Input, List, Modal, Popconfirm, Space, Tabs, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import {
  PHRASE_MAX_LENGTH,
  PHRASES_PER_LIST,
  phraseRequestSchema,
  type PhraseLists,
  type StandardPhrase,
} from '@onewindow/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api-client/api-error';
import { addPhrase, deletePhrase, editPhrase, reorderPhrases, type PhraseListRef } from '../api/phrases.api';

/** What is wrong with a text, in the user's language, before anything is sent; undefined when it may go. */
function textProblem(t: TFunction, text: string, others: StandardPhrase[]): string | undefined {
  const parsed = phraseRequestSchema.safeParse({ text });
  if (!parsed.success)
    return parsed.error.issues[0].code === 'too_big'
      ? t('approvals.phrases.tooLong', { n: PHRASE_MAX_LENGTH })
      : t('approvals.phrases.empty');
  if (others.some((p) => p.text === parsed.data.text)) return t('approvals.phrases.duplicate');
  return undefined;
}

/** The API's refusal in the user's language (by its code), else its own words. */
function refusal(t: TFunction, error: unknown): string {
  const problem = isApiError(error) ? error.problem : undefined;
  const code = problem?.errors?.find((e) => e.code)?.code;
  if (code === 'phrase.duplicate') return t('approvals.phrases.duplicate');
  if (code === 'phrase.tooMany') return t('approvals.phrases.tooMany', { n: PHRASES_PER_LIST });
  if (code === 'phrase.orderMismatch') return t('approvals.phrases.orderMismatch');
  return t('approvals.phrases.failed', { detail: problem?.detail ?? t('errors.network') });
}

interface ListEditorProps {
  list: PhraseListRef;
  items: StandardPhrase[];
  hint: string;
  onChanged: () => void;
}

/** One list: add at the end, edit in place, delete, move up or down. */
function PhraseListEditor({ list, items, hint, onChanged }: ListEditorProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string }>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, done?: () => void) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await work();
      done?.();
      void message.success(t('approvals.phrases.saved'));
    } catch (error) {
      setProblem(refusal(t, error));
    } finally {
      setBusy(false);
      onChanged();
    }
  };
  const add = () => {
    const wrong = textProblem(t, draft, items);
    if (wrong) return setProblem(wrong);
    void run(
      () => addPhrase(list, draft),
      () => setDraft(''),
    );
  };
  const save = () => {
    if (!editing) return;
    const wrong = textProblem(
      t,
      editing.text,
      items.filter((p) => p.id !== editing.id),
    );
    if (wrong) return setProblem(wrong);
    void run(
      () => editPhrase(list, editing.id, editing.text),
      () => setEditing(undefined),
    );
  };
  const move = (index: number, by: -1 | 1) => {
    const ids = items.map((p) => p.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    void run(() => reorderPhrases(list, ids));
  };
  const label = (key: string, index: number) => t(`approvals.phrases.${key}`, { n: index + 1 });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{hint}</Typography.Text>
      <List
        bordered
        size="small"
        dataSource={items}
        locale={{ emptyText: t('approvals.phrases.none') }}
        style={{ maxHeight: 320, overflowY: 'auto' }}
        renderItem={(phrase, index) => (
          <List.Item
            data-testid="phrase-row"
            actions={
              editing?.id === phrase.id
                ? [
                    <Button key="save" size="small" type="primary" loading={busy} onClick={save}>
                      {t('approvals.phrases.save')}
                    </Button>,
                    <Button key="cancel" size="small" onClick={() => setEditing(undefined)}>
                      {t('approvals.phrases.cancel')}
                    </Button>,
                  ]
                : [
                    <Button
                      key="up"
                      size="small"
                      type="text"
                      icon={<ArrowUpOutlined />}
                      disabled={index === 0 || busy}
                      aria-label={label('moveUp', index)}
                      onClick={() => move(index, -1)}
                    />,
                    <Button
                      key="down"
                      size="small"
                      type="text"
                      icon={<ArrowDownOutlined />}
                      disabled={index === items.length - 1 || busy}
                      aria-label={label('moveDown', index)}
                      onClick={() => move(index, 1)}
                    />,
                    <Button
                      key="edit"
                      size="small"
                      type="text"
                      icon={<EditOutlined />}
                      aria-label={label('edit', index)}
                      onClick={() => {
                        setProblem(undefined);
                        setEditing({ id: phrase.id, text: phrase.text });
                      }}
                    />,
                    <Popconfirm
                      key="delete"
                      title={t('approvals.phrases.deleteConfirm')}
                      okText={t('approvals.phrases.delete')}
                      cancelText={t('approvals.phrases.cancel')}
                      onConfirm={() => run(() => deletePhrase(list, phrase.id))}
                    >
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={label('delete', index)}
                      />
                    </Popconfirm>,
                  ]
            }
          >
            {editing?.id === phrase.id ? (
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                value={editing.text}
                maxLength={PHRASE_MAX_LENGTH}
                aria-label={label('edit', index)}
                onChange={(e) => setEditing({ id: phrase.id, text: e.target.value })}
              />
            ) : (
              <Typography.Paragraph ellipsis={{ rows: 2, tooltip: phrase.text }} style={{ margin: 0 }}>
                {phrase.text}
              </Typography.Paragraph>
            )}
          </List.Item>
        )}
      />
      <Space.Compact style={{ width: '100%' }}>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={draft}
          maxLength={PHRASE_MAX_LENGTH}
          placeholder={t('approvals.phrases.addPlaceholder')}
          aria-label={t('approvals.phrases.addPlaceholder')}
          onChange={(e) => setDraft(e.target.value)}
        />
        <Button type="primary" loading={busy} onClick={add}>
          {t('approvals.phrases.add')}
        </Button>
      </Space.Compact>
      {problem && <Alert type="error" showIcon title={problem} data-testid="phrase-problem" />}
    </Space>
  );
}

interface PhraseManagerModalProps {
  lists: PhraseLists;
  onChanged: () => void;
  onClose: () => void;
}

/** 管理常用语: one's own list, and the department's for whoever may keep it (its lead). */
export function PhraseManagerModal({ lists, onChanged, onClose }: PhraseManagerModalProps) {
  const { t } = useTranslation();
  const tabs = [
    {
      key: 'mine',
      label: t('approvals.phrases.mine'),
      children: (
        <PhraseListEditor
          list={{ kind: 'mine' }}
          items={lists.mine}
          hint={t('approvals.phrases.mineHint')}
          onChanged={onChanged}
        />
      ),
    },
    ...(lists.department.canManage
      ? [
          {
            key: 'department',
            label: t('approvals.phrases.department'),
            children: (
              <PhraseListEditor
                list={{ kind: 'department', code: lists.department.code }}
                items={lists.department.items}
                hint={t('approvals.phrases.departmentHint')}
                onChanged={onChanged}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <Modal
      open
      title={t('approvals.phrases.manage')}
      footer={null}
      onCancel={onClose}
      width={640}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Tabs items={tabs} data-testid="phrase-manager" />
    </Modal>
  );
}
