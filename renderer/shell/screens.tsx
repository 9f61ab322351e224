import { memo, Suspense } from 'react';
import { screenDef, type ScreenId } from './modules';
import { useI18n } from '../i18n/react';
import { PlaceholderPanel } from './PlaceholderPanel';

function ScreenView({ id }: { id: ScreenId }) {
  const { t } = useI18n();
  // Each feature registers its screens (renderer/features/<name>/screens.ts); one still to come has no component.
  const Component = screenDef(id).component;
  if (!Component) return <PlaceholderPanel id={id} />;
  return (
    // The first opening of a screen fetches its chunk: say so rather than show a blank pane.
    <Suspense
      fallback={
        <div className="screen-loading muted" aria-busy="true">
          {t('common.loading')}
        </div>
      }
    >
      <Component />
    </Suspense>
  );
}

/** Memoised: opening a tab (a screen pop's card) re-renders the shell, not every screen already open. */
export const Screen = memo(ScreenView);
