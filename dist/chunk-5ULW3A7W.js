import { createRequire as __stagegateCreateRequire } from 'node:module';
const require = __stagegateCreateRequire(import.meta.url);
import {
  GitHub,
  getUserAgentWithOrchestrationId,
  require_light,
  retry
} from "./chunk-GDXZUHEG.js";
import {
  __toESM
} from "./chunk-D7B27K6P.js";

// src/github/event.ts
import { readFileSync } from "node:fs";
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
var MAX_EVENT_BYTES = 64 * 1024 * 1024;
function object(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function text(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function pullRequestFrom(payload) {
  const pr = object(payload.pull_request);
  if (!pr) return void 0;
  const number = typeof pr.number === "number" ? pr.number : typeof payload.number === "number" ? payload.number : void 0;
  const base = object(pr.base);
  const head = object(pr.head);
  const baseRef = text(base?.ref);
  if (number === void 0 || !Number.isInteger(number) || number <= 0 || baseRef === void 0)
    return void 0;
  const headRepo = text(object(head?.repo)?.full_name);
  const baseRepo = text(object(base?.repo)?.full_name);
  const info = {
    number,
    baseRef,
    isFork: headRepo === void 0 || baseRepo !== void 0 && headRepo.toLowerCase() !== baseRepo.toLowerCase()
  };
  const optional = {
    baseSha: text(base?.sha),
    headRef: text(head?.ref),
    headSha: text(head?.sha),
    headRepo,
    baseRepo
  };
  for (const [key, value] of Object.entries(optional))
    if (value !== void 0) Object.assign(info, { [key]: value });
  return info;
}
function readRunContext(env = process.env, readFile = (path) => readFileSync(path)) {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/", 2);
  const context = {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    serverUrl: env.GITHUB_SERVER_URL || "https://github.com"
  };
  const set = (key, value) => {
    if (value) Object.assign(context, { [key]: value });
  };
  set("owner", owner);
  set("repo", repo);
  set("sha", env.GITHUB_SHA);
  set("ref", env.GITHUB_REF);
  set("workflow", env.GITHUB_WORKFLOW);
  set("job", env.GITHUB_JOB);
  set("runId", env.GITHUB_RUN_ID);
  if (env.GITHUB_REF?.startsWith("refs/heads/")) set("branch", env.GITHUB_REF.slice("refs/heads/".length));
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return context;
  let payload;
  try {
    const raw = readFile(path);
    if (raw.length > MAX_EVENT_BYTES) throw new Error(`larger than ${MAX_EVENT_BYTES} bytes`);
    payload = object(JSON.parse(raw.toString("utf8")));
    if (!payload) throw new Error("not a JSON object");
  } catch (error) {
    context.warning = `Could not read the event payload ${path}: ${error instanceof Error ? error.message : String(error)}`;
    return context;
  }
  set("defaultBranch", text(object(payload.repository)?.default_branch));
  if (PULL_REQUEST_EVENTS.has(context.eventName)) {
    const pullRequest = pullRequestFrom(payload);
    if (pullRequest) context.pullRequest = pullRequest;
    else
      context.warning = `The ${context.eventName} payload in ${path} has no usable pull_request (number, base ref).`;
  }
  return context;
}
function isDefaultBranchPush(context) {
  return context.eventName === "push" && context.branch !== void 0 && context.defaultBranch !== void 0 && context.branch === context.defaultBranch;
}
function runUrl(context) {
  if (!context.owner || !context.repo || !context.runId) return void 0;
  return `${context.serverUrl.replace(/\/+$/, "")}/${context.owner}/${context.repo}/actions/runs/${context.runId}`;
}

// node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var import_light = __toESM(require_light(), 1);
var VERSION = "0.0.0-development";
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck2, common) {
  groups.global = new Bottleneck2.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck2.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck2.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck2.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck2.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck: Bottleneck2 = import_light.default,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck2, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck2();
    const events = {};
    const emitter = new Bottleneck2.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION;
throttling.triggersNotification = triggersNotification;

// src/github/rest.ts
var import_light2 = __toESM(require_light(), 1);
var GitHubApiError = class extends Error {
  constructor(message, kind, status, retryAfterSeconds) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
  kind;
  status;
  retryAfterSeconds;
  name = "GitHubApiError";
};
var API_VERSION = "2022-11-28";
var DEFAULT_API_URL = "https://api.github.com";
function apiUrlFromEnv(env) {
  return env.GITHUB_API_URL?.trim() || DEFAULT_API_URL;
}
function nextLink(link) {
  if (!link) return void 0;
  for (const part of link.split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (match && match[2]?.split(/\s+/).includes("next")) return match[1];
  }
  return void 0;
}
function classify(status, message, headers) {
  const retryHeader = headers["retry-after"];
  const retryAfter = retryHeader !== void 0 && /^\d+$/.test(String(retryHeader)) ? Number(retryHeader) : void 0;
  const exhausted = String(headers["x-ratelimit-remaining"]) === "0";
  if (status === 429 || status === 403 && (exhausted || /rate limit/i.test(message))) {
    return { kind: "rate-limited", ...retryAfter !== void 0 ? { retryAfter } : {} };
  }
  if (status === 401) return { kind: "unauthorized" };
  if (status === 403) return { kind: "forbidden" };
  if (status === 404) return { kind: "not-found" };
  if (status >= 500) return { kind: "server" };
  return { kind: "other" };
}
function toApiError(what, error, token) {
  const failure = error ?? {};
  const scrub = (text2) => token === "" ? text2 : text2.split(token).join("***");
  if (failure.response) {
    const data = failure.response.data;
    const message = (typeof data === "string" ? data : typeof data?.message === "string" ? data.message : "").slice(0, 300);
    const { kind, retryAfter } = classify(failure.response.status, message, failure.response.headers);
    return new GitHubApiError(
      scrub(`${what}: HTTP ${failure.response.status}${message ? ` ${message}` : ""}`),
      kind,
      failure.response.status,
      retryAfter
    );
  }
  const code = failure.cause?.code ?? failure.cause?.cause?.code;
  const reason = failure.name === "AbortError" || failure.name === "TimeoutError" ? "timed out" : `${failure.message ?? String(error)}${typeof code === "string" ? ` (${code})` : ""}`;
  return new GitHubApiError(scrub(`${what}: ${reason}`), "network", 0);
}
var RetryingOctokit = GitHub.plugin(retry, throttling);
function spacedWrites(ms) {
  const group = (id) => new import_light2.default.Group({ id: `stagegate-${id}`, maxConcurrent: 1, minTime: ms });
  return { write: group("write"), notifications: group("notifications") };
}
function createRestClient(options) {
  const apiUrl = (options.apiUrl ?? apiUrlFromEnv(process.env)).replace(/\/+$/, "");
  const origin = new URL(apiUrl).origin;
  const timeoutMs = options.timeoutMs ?? 3e4;
  const maxPages = options.maxPages ?? 100;
  const octokit = new RetryingOctokit({
    baseUrl: apiUrl,
    userAgent: getUserAgentWithOrchestrationId(options.userAgent ?? "stagegate") ?? "stagegate",
    // Only for tests: a shallow `request` would replace @actions/github's proxy-aware fetch.
    ...options.fetch ? { request: { fetch: options.fetch } } : {},
    retry: {
      retries: options.retries ?? 2,
      retryAfterBaseValue: options.retryBaseMs ?? 1e3,
      // Rate limits belong to the throttling plugin; the other 4xx are answers, not accidents.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451]
    },
    throttle: {
      // Waiting out a rate limit could hold the job for an hour: report it, the next run updates the comment.
      onRateLimit: () => false,
      onSecondaryRateLimit: () => false,
      ...options.writeSpacingMs !== void 0 ? spacedWrites(options.writeSpacingMs) : {}
    }
  });
  octokit.hook.before("request", (request) => {
    request.headers["x-github-api-version"] = API_VERSION;
    request.headers.accept = "application/vnd.github+json";
    request.headers.authorization = `Bearer ${options.token}`;
    request.request = { ...request.request, signal: AbortSignal.timeout(timeoutMs) };
  });
  async function call(what, run) {
    try {
      const response = await run();
      return response;
    } catch (error) {
      throw toApiError(what, error, options.token);
    }
  }
  const path = (owner, repo) => `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
  return {
    async *listIssueComments(owner, repo, issueNumber) {
      let url = `${apiUrl}${path(owner, repo)}/issues/${issueNumber}/comments?per_page=100`;
      for (let page = 0; url !== void 0 && page < maxPages; page++) {
        const target = url;
        const response = await call(
          `GET ${new URL(target).pathname}`,
          () => octokit.request({ method: "GET", url: target })
        );
        if (!Array.isArray(response.data))
          throw new GitHubApiError("comment listing is not an array", "other", 200);
        yield response.data;
        const next = nextLink(response.headers.link);
        url = next !== void 0 && new URL(next, apiUrl).origin === origin ? new URL(next, apiUrl).toString() : void 0;
      }
    },
    async createIssueComment(owner, repo, issueNumber, body) {
      const what = `POST ${new URL(apiUrl).pathname.replace(/\/$/, "")}${path(owner, repo)}/issues/${issueNumber}/comments`;
      const response = await call(
        what,
        () => octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
          owner,
          repo,
          issue_number: issueNumber,
          body
        })
      );
      return response.data;
    },
    async updateIssueComment(owner, repo, commentId, body) {
      const what = `PATCH ${new URL(apiUrl).pathname.replace(/\/$/, "")}${path(owner, repo)}/issues/comments/${commentId}`;
      const response = await call(
        what,
        () => octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
          owner,
          repo,
          comment_id: commentId,
          body
        })
      );
      return response.data;
    }
  };
}

export {
  readRunContext,
  isDefaultBranchPush,
  runUrl,
  GitHubApiError,
  apiUrlFromEnv,
  createRestClient
};
