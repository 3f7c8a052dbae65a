import { init } from '@launchdarkly/node-server-sdk';
import { initialize } from 'unleash-client';
import { Experiment } from '../flags';

const ldClient = init(process.env.LD_SDK_KEY ?? '');
const unleash = initialize({ url: 'https://unleash.shop.example/api', appName: 'shop-search' });

export interface Shopper {
  id: string;
  email: string;
}

export async function search(query: string, shopper: Shopper): Promise<string> {
  const context = { kind: 'user', key: shopper.id, email: shopper.email };
  const useProductIndex = await ldClient.variation(Experiment.SearchV2, context, false);
  if (useProductIndex) {
    return `/api/search/v2?q=${encodeURIComponent(query)}`;
  }
  if (unleash.isEnabled('legacy-search', { userId: shopper.id })) {
    return `/search.php?q=${encodeURIComponent(query)}`;
  }
  return `/api/search?q=${encodeURIComponent(query)}`;
}
