import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Form } from 'antd';
import { fakeResponse, mockFetch } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import { PhraseTextArea } from './PhraseTextArea';

const lists = {
  mine: [{ id: 'p1', scope: 'user', text: '同意。', sortOrder: 0 }],
  department: {
    code: 'SFS-SCJG',
    items: [{ id: 'd1', scope: 'department', text: '经审查，符合许可条件。', sortOrder: 0 }],
    canManage: false,
  },
};

const renderField = (lines = false) =>
  renderWithProviders(
    <Form initialValues={{ comment: '' }}>
      <Form.Item name="comment" label="审批意见">
        <PhraseTextArea field="comment" rows={3} maxLength={2000} lines={lines} />
      </Form.Item>
    </Form>,
  );

const pick = async (text: string) => {
  fireEvent.click(screen.getByTestId('phrase-picker-comment'));
  fireEvent.click(await screen.findByText(text));
};

describe('PhraseTextArea', () => {
  it('loads the phrases only when the picker opens, and inserts a picked one where the cursor was', async () => {
    const fetch = mockFetch(fakeResponse(200, lists), fakeResponse(200, lists));
    renderField();
    expect(fetch).not.toHaveBeenCalled();
    const area = screen.getByLabelText<HTMLTextAreaElement>('审批意见');
    act(() => area.focus());
    fireEvent.change(area, { target: { value: '材料齐全。请办理。' } });
    area.setSelectionRange(5, 5);
    fireEvent.select(area);
    await pick('经审查，符合许可条件。');
    await waitFor(() => expect(area.value).toBe('材料齐全。经审查，符合许可条件。请办理。'));
    expect(String(fetch.mock.calls[0][0])).toBe('/api/phrases');
    // The cursor stays after the inserted phrase: the next one follows it.
    await pick('同意。');
    await waitFor(() => expect(area.value).toBe('材料齐全。经审查，符合许可条件。同意。请办理。'));
  });

  it('puts each phrase on a line of its own in a list of reasons', async () => {
    mockFetch(fakeResponse(200, lists), fakeResponse(200, lists));
    renderField(true);
    const area = screen.getByLabelText<HTMLTextAreaElement>('审批意见');
    fireEvent.change(area, { target: { value: '缺少营业执照' } });
    await pick('同意。');
    await waitFor(() => expect(area.value).toBe('缺少营业执照\n同意。'));
  });
});
