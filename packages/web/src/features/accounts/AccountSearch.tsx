import { TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * The list's search box. It keeps what is being typed to itself, so a key press re-renders the box alone, not the
 * page and its fifty rows; the search itself follows 300 ms after the last key.
 */
export function AccountSearch({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const push = useDebouncedCallback(onSearch, 300);
  return (
    <TextInput
      aria-label={t("accounts.searchLabel")}
      placeholder={t("accounts.searchPlaceholder")}
      leftSection={<IconSearch size={16} />}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        push(e.currentTarget.value);
      }}
      w={{ base: "100%", sm: 280 }}
    />
  );
}
