import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createPrefixedId, randomToken } from '../ids.js';
import { readJsonFile, writeFileAtomic, type FileLayout } from '../store/file-layout.js';
import type { Clock } from '../time.js';
import type { AccountConfig } from './accounts.js';
import { signJwt, verifyJwt, type JwtVerification } from './jwt.js';

/** Body of a successful login or refresh (contract 1.6). */
export interface TokenResponse {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: 'Bearer';
}

interface RefreshRecord {
  hash: string;
  clientId: string;
  expiresAt: number;
}

/** Token lifetimes in seconds. */
export interface TokenLifetimes {
  accessSeconds: number;
  refreshSeconds: number;
}

/**
 * Issues and checks tokens. The HS256 secret lives in the data directory so access tokens survive restarts; refresh
 * tokens are stored only as SHA-256 hashes and are deleted when used (single use, rotated on every refresh).
 */
export class TokenService {
  private refreshTokens: RefreshRecord[];
  private writeChain: Promise<void> = Promise.resolve();

  private constructor(
    private readonly secret: Buffer,
    refreshTokens: RefreshRecord[],
    private readonly layout: FileLayout,
    private readonly lifetimes: TokenLifetimes,
    private readonly now: Clock,
  ) {
    this.refreshTokens = refreshTokens;
  }

  /** Loads (or creates on first start) the signing secret and the refresh-token hashes. */
  static async open(layout: FileLayout, lifetimes: TokenLifetimes, now: Clock): Promise<TokenService> {
    const secret = await loadOrCreateSecret(layout.secretFile);
    const stored = (await readJsonFile(layout.refreshTokensFile)) as { tokens?: RefreshRecord[] } | undefined;
    return new TokenService(secret, stored?.tokens ?? [], layout, lifetimes, now);
  }

  /** Issues a fresh access token and refresh token for an account. */
  async issue(account: AccountConfig, issuer: string): Promise<TokenResponse> {
    const iat = Math.floor(this.now() / 1000);
    const accessToken = signJwt(
      { iss: issuer, sub: account.clientId, 'b-id': account.businessId, iat, exp: iat + this.lifetimes.accessSeconds, jti: createPrefixedId('jti') },
      this.secret,
    );
    const refreshToken = randomToken(32);
    const record = { hash: hashToken(refreshToken), clientId: account.clientId, expiresAt: this.now() + this.lifetimes.refreshSeconds * 1000 };
    await this.persist(() => {
      this.refreshTokens.push(record);
    });
    return { access_token: accessToken, refresh_token: refreshToken, expires_in: this.lifetimes.accessSeconds, token_type: 'Bearer' };
  }

  /** Verifies an access token's signature and expiry. */
  verifyAccessToken(token: string): JwtVerification {
    return verifyJwt(token, this.secret, Math.floor(this.now() / 1000));
  }

  /** Consumes a refresh token: returns its client id once, then never again. */
  async redeemRefreshToken(token: string): Promise<string | undefined> {
    const hash = hashToken(token);
    let clientId: string | undefined;
    await this.persist(() => {
      const found = this.refreshTokens.find((record) => record.hash === hash);
      this.refreshTokens = this.refreshTokens.filter((record) => record.hash !== hash);
      if (found && found.expiresAt > this.now()) clientId = found.clientId;
    });
    return clientId;
  }

  private persist(change: () => void): Promise<void> {
    const run = this.writeChain.then(async () => {
      change();
      const now = this.now();
      this.refreshTokens = this.refreshTokens.filter((record) => record.expiresAt > now);
      await writeFileAtomic(this.layout.refreshTokensFile, JSON.stringify({ tokens: this.refreshTokens }), 0o600);
    });
    this.writeChain = run.catch(() => undefined);
    return run;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

async function loadOrCreateSecret(path: string): Promise<Buffer> {
  try {
    const text = (await readFile(path, 'utf8')).trim();
    if (/^[0-9a-f]{64,}$/.test(text)) return Buffer.from(text, 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32);
  await writeFileAtomic(path, `${secret.toString('hex')}\n`, 0o600);
  return secret;
}
