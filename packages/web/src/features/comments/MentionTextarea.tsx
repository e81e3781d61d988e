import { Combobox, Group, Text, Textarea, useCombobox } from "@mantine/core";
import { useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMentionable } from "./comments.api";
import { insertMention, mentionQueryAt, type Mention } from "./mention-text";

interface Props {
  accountId: string;
  value: string;
  onChange: (value: string) => void;
  mentions: readonly Mention[];
  onMentionsChange: (mentions: Mention[]) => void;
  /** Ctrl/⌘+Enter. */
  onSubmit?: () => void;
  label?: string;
  placeholder?: string;
  maxLength?: number;
  autoFocus?: boolean;
  error?: string | null;
}

/**
 * A textarea where "@" opens a list of the organization's members (those who can see the account
 * first); picking one writes "@Name" and remembers the person's id, so mentions never depend on
 * parsing names back out of the text. Arrow keys move through the list, Enter picks, Escape closes.
 */
export function MentionTextarea({ accountId, value, onChange, mentions, onMentionsChange, onSubmit, label, placeholder, maxLength, autoFocus, error }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const candidates = useMentionable(accountId, query?.query ?? "", query !== null);
  const items = candidates.data?.items ?? [];

  const track = (text: string, caret: number) => {
    const next = mentionQueryAt(text, caret);
    setQuery(next);
    if (next) {
      combobox.openDropdown();
      combobox.selectFirstOption();
    } else combobox.closeDropdown();
  };

  const pick = (id: string) => {
    const person = items.find((m) => m.id === id);
    const textarea = ref.current;
    if (!person || !query || !textarea) return;
    const caret = textarea.selectionStart ?? value.length;
    const next = insertMention(value, query.start, caret, person.name);
    onChange(next.text);
    onMentionsChange([...mentions.filter((m) => m.id !== person.id), { id: person.id, name: person.name }]);
    setQuery(null);
    combobox.closeDropdown();
    requestAnimationFrame(() => {
      textarea.focus();
      textarea.setSelectionRange(next.caret, next.caret);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && onSubmit) {
      event.preventDefault();
      onSubmit();
    } else if (event.key === "Escape" && combobox.dropdownOpened) {
      event.stopPropagation();
      setQuery(null);
      combobox.closeDropdown();
    }
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick} position="bottom-start" withinPortal={false}>
      <Combobox.Target withKeyboardNavigation={query !== null && items.length > 0} withAriaAttributes={false}>
        <Textarea
          ref={ref}
          aria-autocomplete="list"
          label={label}
          placeholder={placeholder}
          value={value}
          rows={3}
          resize="vertical"
          maxLength={maxLength}
          autoFocus={autoFocus}
          error={error}
          onChange={(event) => {
            onChange(event.currentTarget.value);
            track(event.currentTarget.value, event.currentTarget.selectionStart ?? event.currentTarget.value.length);
          }}
          onKeyDown={onKeyDown}
          onClick={(event) => track(event.currentTarget.value, event.currentTarget.selectionStart ?? 0)}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={query === null}>
        <Combobox.Options aria-label={t("comments.mentionSomeone")}>
          {items.length === 0 ? (
            <Combobox.Empty>{candidates.isFetching ? t("comments.searching") : t("comments.noOneFound")}</Combobox.Empty>
          ) : (
            items.map((m) => (
              <Combobox.Option value={m.id} key={m.id}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <div>
                    <Text size="sm">{m.name}</Text>
                    <Text size="xs" c="dimmed">{m.email}</Text>
                  </div>
                  {!m.canSeeAccount && <Text size="xs" c="orange">{t("comments.cannotSee")}</Text>}
                </Group>
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
