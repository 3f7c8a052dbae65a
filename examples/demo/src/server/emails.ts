import { isFeatureOn, isFlagDisabled } from '../flags';
import type { Cart } from './checkout';

export interface Email {
  subject: string;
  sections: string[];
}

export async function orderConfirmation(cart: Cart): Promise<Email> {
  const context = { targetingKey: cart.customerId };
  const sections = ['greeting', 'items', 'totals'];

  // The new checkout sends a shorter summary with a link to the order page.
  if (await isFeatureOn('new-chekout', false, context)) {
    sections.splice(1, 1, 'order-link');
  }
  if (!(await isFlagDisabled('holiday-promo', context))) {
    sections.push('holiday-promo');
  }
  return { subject: 'Thanks for your order', sections };
}
