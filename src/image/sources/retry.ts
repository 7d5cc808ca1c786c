// Registries now and then answer a read with a transient 5xx or 429, and a
// second try a moment later succeeds. One we meet in tests and users meet in
// production: distribution (registry:2, up to 2.8) with filesystem storage
// rewrites a tag's link file in place, so a read of that tag while it is
// being pushed again (a docker push of a multi-platform image PUTs every
// child manifest to the tag, concurrently) finds the file empty and answers
// 500 "invalid checksum digest format". Load balancers in front of hosted
// registries answer 502/503/504 the same way. A few retries with a short,
// capped backoff cover both; anything else (401, 404, a 5xx that persists)
// goes back to the caller as the registry gave it.

/** Statuses worth another try: rate limits and server-side hiccups. */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504])

export interface RetryOptions {
  /** Tries in all, the first included (default 3). */
  attempts?: number
  /** Wait before try n+1, in ms (default 250, then 500, ... doubling). */
  baseDelayMs?: number
  /** A Retry-After header is honoured up to this (default 5000 ms). */
  maxDelayMs?: number
  sleep?: (ms: number) => Promise<void>
}

const wait = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** The wait before the next try: Retry-After (seconds or an HTTP date) when given, else doubling from the base. */
export function retryDelayMs(
  attempt: number,
  retryAfter: string | null,
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'> = {},
  now = Date.now()
): number {
  const max = options.maxDelayMs ?? 5000
  const backoff = (options.baseDelayMs ?? 250) * 2 ** (attempt - 1)
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter)
    const asked = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - now
    if (Number.isFinite(asked)) return Math.min(max, Math.max(0, asked))
  }
  return Math.min(max, backoff)
}

/** Sends a request, and again (at most `attempts` in all) while the answer is a transient status. */
export async function retryTransient(
  send: () => Promise<Response>,
  options: RetryOptions = {}
): Promise<Response> {
  const attempts = Math.max(1, options.attempts ?? 3)
  const sleep = options.sleep ?? wait
  for (let attempt = 1; ; attempt++) {
    const response = await send()
    if (!TRANSIENT_STATUSES.has(response.status) || attempt >= attempts) return response
    await response.body?.cancel()
    await sleep(retryDelayMs(attempt, response.headers.get('retry-after'), options))
  }
}
