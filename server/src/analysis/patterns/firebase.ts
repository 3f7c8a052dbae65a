import type { FlagPattern } from '../types';
import { callPattern, returnsOther, RETURNS_VALUE, vendorPresets } from './define';

/**
 * The packages whose functions and instances the Firebase Remote Config presets accept: the modular web SDK, its
 * compat and namespaced forms (`firebase.remoteConfig()`), React Native Firebase and AngularFire.
 */
export const FIREBASE_PACKAGES = [
  'firebase/remote-config', 'firebase/compat/remote-config', '@firebase/remote-config', 'firebase/app', 'firebase/compat/app', 'firebase',
  '@react-native-firebase/remote-config', '@react-native-firebase/app', '@angular/fire/remote-config', '@angular/fire/compat/remote-config',
];

// The key follows the instance in the modular API (`getBoolean(remoteConfig, 'x')`) and comes first on an instance
// (`remoteConfig().getBoolean('x')`).
const KEY_AFTER_INSTANCE = { 1: 0, 2: 1 } as const;

/**
 * Firebase Remote Config holds settings as well as flags: a parameter read as a boolean is a flag (`getBoolean`,
 * `getValue(…).asBoolean()`); one read as a number or a text (a URL, a limit) is configuration, and is no check.
 */
export const FIREBASE_PATTERNS: readonly FlagPattern[] = vendorPresets(FIREBASE_PACKAGES, [
  callPattern('firebase', 'getBoolean', 'boolean', { keyArgByArgCount: KEY_AFTER_INSTANCE, returns: RETURNS_VALUE }),
  {
    ...callPattern('firebase', 'getValue', 'boolean', { keyArgByArgCount: KEY_AFTER_INSTANCE, returns: returnsOther('a Remote Config value, read with asBoolean()') }),
    readWith: 'asBoolean',
  },
]);
