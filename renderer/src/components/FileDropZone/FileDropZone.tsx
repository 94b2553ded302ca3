import { Button, Group, Paper, Text } from '@mantine/core';
import { useRef, useState, type DragEvent } from 'react';

export interface FileDropZoneProps {
  /** The zone's accessible name ("Drop a pack to verify it"). */
  label: string;
  title: string;
  hint: string;
  /** The hidden file input's accessible name. */
  pickerLabel: string;
  accept?: string;
  disabled?: boolean;
  testId: string;
  onFile: (file: File) => void;
}

/** A dashed zone that takes a file dropped on it, or one chosen with "Choose a file…". */
export function FileDropZone({ label, title, hint, pickerLabel, accept, disabled = false, testId, onFile }: FileDropZoneProps) {
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const drop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <Paper
      withBorder
      p="lg"
      data-testid={testId}
      aria-label={label}
      style={{ borderStyle: 'dashed', background: dragging ? 'var(--mantine-color-blue-light)' : undefined }}
      onDragOver={(event: DragEvent<HTMLDivElement>) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <Group justify="space-between">
        <div>
          <Text fw={600}>{title}</Text>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </div>
        <Button variant="default" onClick={() => picker.current?.click()} disabled={disabled}>
          Choose a file…
        </Button>
        <input
          ref={picker}
          type="file"
          accept={accept}
          hidden
          aria-label={pickerLabel}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) onFile(file);
            e.currentTarget.value = '';
          }}
        />
      </Group>
    </Paper>
  );
}
