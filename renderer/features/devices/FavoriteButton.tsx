/**
 * The favourite star of a row (renderer): a toggle button (`aria-pressed`) that pins the device
 * to the Favourites section on top, saved in vault.json through main.
 */
import { useState } from 'react';
import type { DeviceView } from '../../../preload/contract/contract';
import { useBridge } from '../../lib/bridge';
import { ListIcon } from '../../ui/ListIcon';
import { useToast } from '../../ui/useToast';

export function FavoriteButton({
  device,
  title,
}: {
  readonly device: DeviceView;
  readonly title: string;
}) {
  const api = useBridge();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const on = device.favorite;
  return (
    <button
      type="button"
      className={
        on ? 'icon-button favorite-button favorite-button--on' : 'icon-button favorite-button'
      }
      aria-label={`Favourite ${title}`}
      aria-pressed={on}
      title={on ? 'Unpin from Favourites' : 'Pin to Favourites'}
      onClick={() => {
        if (busy) return;
        setBusy(true);
        api.devices
          .setFavorite(device.id, !on)
          .then(
            outcome => {
              if (!outcome.ok) toast({ tone: 'error', message: outcome.message, key: 'favorite' });
              else
                toast({
                  tone: 'info',
                  message: on
                    ? `Removed ${title} from Favourites`
                    : `Pinned ${title} to Favourites`,
                  key: 'favorite',
                  announceOnly: true,
                });
            },
            () => {
              toast({ tone: 'error', message: 'Could not change Favourites. Try again.' });
            },
          )
          .finally(() => {
            setBusy(false);
          });
      }}
    >
      <ListIcon name="star" filled={on} />
    </button>
  );
}
