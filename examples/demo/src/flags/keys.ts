// Flag keys shared by the server and the storefront, so a rename is one edit.

export const FLAGS = {
  NEW_CHECKOUT: 'new-checkout',
  DARK_MODE: 'dark-mode',
  FREE_SHIPPING_THRESHOLD: 'free-shipping-threshold',
} as const;

export type FlagKey = (typeof FLAGS)[keyof typeof FLAGS];

/** Experiments run by the growth and discovery teams. */
export enum Experiment {
  SearchV2 = 'search-v2',
  CheckoutButtonColor = 'checkout-button-color',
}
