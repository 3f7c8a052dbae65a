import { useFeatureIsOn, useFeatureValue } from '@growthbook/growthbook-react';
import { useFeatureFlagEnabled } from 'posthog-js/react';
import { Experiment } from '../flags/keys';

export function PromoBanner() {
  const showHolidayPromo = useFeatureFlagEnabled('holiday-promo');
  const showRedesignNote = useFeatureIsOn('old-banner');
  const buttonColor = useFeatureValue(Experiment.CheckoutButtonColor, 'blue');

  if (!showHolidayPromo && !showRedesignNote) return null;
  return (
    <aside className="promo">
      {showRedesignNote && <p>Our shop has a new look.</p>}
      {showHolidayPromo && <a className={`button-${buttonColor}`} href="/holiday">Holiday deals</a>}
    </aside>
  );
}
