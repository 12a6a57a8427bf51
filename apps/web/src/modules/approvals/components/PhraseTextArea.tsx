import { useRef, useState } from 'react';
import { Input } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { PhrasePicker } from './PhrasePicker';

interface PhraseTextAreaProps {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  rows: number;
  maxLength?: number;
  /** One entry per line (不予许可理由): a phrase always goes on a line of its own. */
  lines?: boolean;
  /** Names the picker for tests and assistive technology (the field's key). */
  field: string;
}

/**
 * An opinion or reason field with the 常用语 picker above it: a picked phrase goes in where the cursor was
 * (replacing a selection), at the end when the field was never focused, on its own line for line lists.
 */
export function PhraseTextArea({ value, onChange, id, rows, maxLength, lines, field }: PhraseTextAreaProps) {
  const ref = useRef<TextAreaRef>(null);
  const [selection, setSelection] = useState<{ start: number; end: number }>();
  const remember = () => {
    const area = ref.current?.resizableTextArea?.textArea;
    if (area) setSelection({ start: area.selectionStart, end: area.selectionEnd });
  };
  const insert = (phrase: string) => {
    const current = value ?? '';
    let next: string;
    let caret: number;
    if (lines || !selection) {
      const joint = current === '' || current.endsWith('\n') || !lines ? '' : '\n';
      next = `${current}${joint}${phrase}`;
      caret = next.length;
    } else {
      next = current.slice(0, selection.start) + phrase + current.slice(selection.end);
      caret = selection.start + phrase.length;
    }
    onChange?.(next);
    setSelection({ start: caret, end: caret });
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <PhrasePicker field={field} onPick={insert} />
      <Input.TextArea
        ref={ref}
        id={id}
        rows={rows}
        maxLength={maxLength}
        showCount={maxLength !== undefined}
        value={value}
        onChange={(event) => {
          onChange?.(event.target.value);
          setSelection({ start: event.target.selectionStart, end: event.target.selectionEnd });
        }}
        onSelect={remember}
        onClick={remember}
        onKeyUp={remember}
      />
    </div>
  );
}
