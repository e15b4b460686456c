import { useTranslation } from 'react-i18next';
import type { Channel } from '@/types/api';

// 16-px line icons, one per channel; the channel name is the accessible label.
const paths: Record<Channel, string> = {
  email: 'M2.5 4.5h11v7h-11z M2.5 4.5 8 9l5.5-4.5',
  chat: 'M2.5 3.5h11v7H7l-3 2.5v-2.5H2.5z',
  phone:
    'M4 2.5h2l1 3-1.5 1a7 7 0 0 0 4 4l1-1.5 3 1v2a1.5 1.5 0 0 1-1.5 1.5A10.5 10.5 0 0 1 2.5 4 1.5 1.5 0 0 1 4 2.5z',
  social: 'M5 8a1.8 1.8 0 1 1-3.6 0A1.8 1.8 0 0 1 5 8z M14.6 3.5a1.8 1.8 0 1 1-3.6 0 1.8 1.8 0 0 1 3.6 0z M14.6 12.5a1.8 1.8 0 1 1-3.6 0 1.8 1.8 0 0 1 3.6 0z M4.8 7.2l6.4-3 M4.8 8.8l6.4 3',
  shop: 'M2.5 6.5h11l-1 7h-9z M5.5 6.5V5a2.5 2.5 0 0 1 5 0v1.5',
  webform: 'M3 2.5h10v11H3z M5.5 5.5h5 M5.5 8h5 M5.5 10.5h3',
};

export function ChannelIcon({ channel, withLabel = false }: { channel: Channel; withLabel?: boolean }) {
  const { t } = useTranslation();
  const label = t(`channel.${channel}`);
  return (
    <span className={`channel channel--${channel}`} data-channel={channel}>
      <svg
        viewBox="0 0 16 16"
        width="16"
        height="16"
        role="img"
        aria-label={withLabel ? undefined : label}
        aria-hidden={withLabel ? true : undefined}
      >
        {!withLabel && <title>{label}</title>}
        <path d={paths[channel]} fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" strokeLinecap="round" />
      </svg>
      {withLabel && <span>{label}</span>}
    </span>
  );
}
