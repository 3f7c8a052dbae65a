// The skeleton of a file for its scan: the text with check-free bodies blanked, cheaper to parse (see skeleton.ts).

export { namesVendorPackage, skeletonOf, skeletonText } from './skeleton';
