import { OpenFeature } from '@openfeature/server-sdk';
import { FLAGS } from '../flags';

export interface Cart {
  customerId: string;
  total: number;
  items: Array<{ sku: string; quantity: number }>;
}

export interface CheckoutPage {
  template: 'checkout' | 'checkout-v2';
  freeShipping: boolean;
}

const flags = OpenFeature.getClient('checkout');

export async function renderCheckout(cart: Cart): Promise<CheckoutPage> {
  const context = { targetingKey: cart.customerId };
  const threshold = await flags.getNumberValue(FLAGS.FREE_SHIPPING_THRESHOLD, 50, context);
  const freeShipping = cart.total >= threshold;

  if (await flags.getBooleanValue(FLAGS.NEW_CHECKOUT, false, context)) {
    return { template: 'checkout-v2', freeShipping };
  }
  return { template: 'checkout', freeShipping };
}
