import { useTranslation } from 'react-i18next';
import { useDepartments } from '@/lib/directory';
import { CHANNELS, PRIORITIES, STATUSES } from '@/types/api';
import type { Channel, ConversationStatus, Priority } from '@/types/api';

// The list filters of the inbox, search and customer 360: a labelled <select>
// whose first option ("any") means no filter. onChange receives one of the
// option values (typed, so department ids stay numbers) or undefined.

export interface FilterOption<T extends string | number> {
  value: T;
  label: string;
}

interface FilterProps<T> {
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  /** Defaults to the inbox's wording ("Channel", "Any", ...). */
  label?: string;
  anyLabel?: string;
  disabled?: boolean;
}

export function FilterSelect<T extends string | number>(
  props: FilterProps<T> & { label: string; anyLabel: string; options: FilterOption<T>[] },
) {
  return (
    <label className="filter">
      <span>{props.label}</span>
      <select
        value={props.value ?? ''}
        disabled={props.disabled}
        onChange={(e) => props.onChange(props.options.find((o) => String(o.value) === e.target.value)?.value)}
      >
        <option value="">{props.anyLabel}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ChannelFilter(props: FilterProps<Channel>) {
  const { t } = useTranslation();
  return (
    <FilterSelect
      {...props}
      label={props.label ?? t('inbox.channel')}
      anyLabel={props.anyLabel ?? t('inbox.any')}
      options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
    />
  );
}

export function StatusFilter(props: FilterProps<ConversationStatus>) {
  const { t } = useTranslation();
  return (
    <FilterSelect
      {...props}
      label={props.label ?? t('inbox.status')}
      anyLabel={props.anyLabel ?? t('inbox.any')}
      options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
    />
  );
}

export function PriorityFilter(props: FilterProps<Priority>) {
  const { t } = useTranslation();
  return (
    <FilterSelect
      {...props}
      label={props.label ?? t('inbox.priority')}
      anyLabel={props.anyLabel ?? t('inbox.any')}
      options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
    />
  );
}

/** Departments come from the shared directory cache; the options appear once it has loaded. */
export function DepartmentFilter(props: FilterProps<number>) {
  const { t } = useTranslation();
  const departments = useDepartments();
  return (
    <FilterSelect
      {...props}
      label={props.label ?? t('search.department')}
      anyLabel={props.anyLabel ?? t('inbox.any')}
      options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
    />
  );
}
