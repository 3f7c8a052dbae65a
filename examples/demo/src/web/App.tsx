import { useBooleanFlagValue } from '@openfeature/react-sdk';
import { useFlags } from 'launchdarkly-react-client-sdk';
import { PromoBanner } from './PromoBanner';

export function App() {
  const darkMode = useBooleanFlagValue('dark-mode', false);
  const { newCheckout } = useFlags();

  return (
    <div className={darkMode ? 'theme-dark' : 'theme-light'}>
      <PromoBanner />
      <a href={newCheckout ? '/checkout/v2' : '/checkout'}>Checkout</a>
    </div>
  );
}
