import { TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';

export interface SearchInputProps {
  label: string;
  placeholder: string;
  /** Called with the text once typing pauses (250 ms), so that each keystroke is not a query. */
  onSearch: (text: string) => void;
}

/** A search box that asks the host only when the user pauses. */
export function SearchInput({ label, placeholder, onSearch }: SearchInputProps) {
  const [text, setText] = useState('');
  const [settled] = useDebouncedValue(text, 250);
  useEffect(() => onSearch(settled.trim()), [settled, onSearch]);
  return <TextInput label={label} placeholder={placeholder} value={text} onChange={(event) => setText(event.currentTarget.value)} type="search" w={320} autoComplete="off" spellCheck={false} />;
}
