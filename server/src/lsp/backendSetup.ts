// Where the language server's flag services get their trust, tokens and cache: workspace trust and
// the cache folder come from the client at start; tokens are asked of the client per origin (its
// secret storage), or, for clients that keep no tokens, read from the variable `tokenEnv` names.

import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { DefinitionCache } from '../backends/cache';
import type { BackendSetup } from '../workspace/createBackends';
import { TokenRequest, type FlagLensInitializationOptions } from '../protocol';

/** The cache file under the client's storage folder. */
const CACHE_FILE_NAME = 'flag-definitions.json';

/** Reads whatever the client sent as `initializationOptions`; wrong types count as absent. */
export function readInitializationOptions(raw: unknown): FlagLensInitializationOptions {
  const options = typeof raw === 'object' && raw !== null ? raw as Record<string, unknown> : {};
  return {
    trusted: options.trusted === true,
    cacheDir: typeof options.cacheDir === 'string' && path.isAbsolute(options.cacheDir) ? options.cacheDir : undefined,
    storesTokens: options.storesTokens === true,
  };
}

/** Makes the BackendSetup of each folder load. */
export class BackendSetupSource {
  private trusted: boolean;
  private readonly cache: DefinitionCache | undefined;

  constructor(private readonly connection: Connection, private readonly options: FlagLensInitializationOptions, private readonly log: (message: string) => void) {
    this.trusted = options.trusted === true;
    this.cache = options.cacheDir ? new DefinitionCache(path.join(options.cacheDir, CACHE_FILE_NAME), log) : undefined;
  }

  /** Workspace trust changed; folders must be loaded again for it to take effect. */
  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
  }

  /** Trust, the tokens of the given origins, and the cache. */
  async setupFor(origins: readonly string[]): Promise<BackendSetup> {
    if (!this.trusted) return { network: false };
    if (!this.options.storesTokens) {
      return {
        network: true,
        environmentVariables: process.env,
        howToSetToken: (_origin, tokenEnv) => `set the environment variable ${tokenEnv} for the language server`,
        cache: this.cache,
      };
    }
    const tokens = new Map<string, string>();
    await Promise.all(origins.map(async (origin) => {
      try {
        const token = await this.connection.sendRequest(TokenRequest, { origin });
        if (typeof token === 'string' && token !== '') tokens.set(origin, token);
      } catch (error) {
        // The message of a failed request never holds the token: there was none.
        this.log(`Could not get the token for ${origin} from the editor: ${error instanceof Error ? error.message : String(error)}`);
      }
    }));
    return {
      network: true,
      tokenFor: (origin) => tokens.get(origin),
      howToSetToken: (origin) => `run "FlagLens: Set Backend Token" for ${origin}`,
      cache: this.cache,
    };
  }
}
