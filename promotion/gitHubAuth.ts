/**
 * Who the program's git writers (the DRY commit, each environment's hydration, and their `read` at `pulumi refresh`)
 * are on GitHub: the same identity as the GitHub provider of the same run. terraform-provider-github v6.13.0, the
 * upstream @pulumi/github 6.15.0 builds (its `upstream` submodule), reads GITHUB_APP_ID, GITHUB_APP_INSTALLATION_ID
 * and GITHUB_APP_PEM_FILE from the environment even without an `app_auth` block, and when all three are set
 * authenticates as that App's installation and ignores GITHUB_TOKEN (`github/provider.go` `getAppAuth`,
 * `validateAppAuth`, and `configureProvider`, which reads `token` only when no App was found). So do the writers:
 * with the three set they mint an installation token for the run, otherwise they use GITHUB_TOKEN.
 *
 * This is how Pulumi Deployments writes as the hydrator's App (deployments/releaseDeployments.ts gives the run the
 * three variables): a stored installation token would expire after an hour, and the rulesets admit no other writer
 * of `environment/<env>-next` and `hydrator/dry`. Every write mints its own token, so none outlives its use.
 *
 * Serialized into Pulumi's dynamic-provider host with the writers, like promotion/gitData.ts: no library is loaded at
 * module level (the JWT library is required inside the function that signs).
 */

import { apiError, createInstallationToken, type GitHubApi } from "./gitData";
import { redactSecrets } from "../lib/cli/redact";
import { excerpt } from "../lib/cli/sanitize";

/** The GitHub provider's own variables of App authentication (provider.go `getAppAuth`). */
export const GITHUB_APP_VARIABLES = ["GITHUB_APP_ID", "GITHUB_APP_INSTALLATION_ID", "GITHUB_APP_PEM_FILE"] as const;

type Environment = Readonly<Record<string, string | undefined>>;

export interface GitHubAppCredentials {
    appId: string;
    installationId: string;
    /** The App's private key (PEM); `\n` may stand for a line break, as the provider accepts it. */
    privateKey: string;
}

/**
 * Why the environment's App credentials cannot be used: some of the three variables set and not the others. The
 * provider would then quietly fall back to GITHUB_TOKEN (`validateAppAuth`), and the run would write as two
 * identities; the program refuses before anything is declared. Undefined when all three or none are set.
 */
export function appCredentialsProblem(env: Environment): string | undefined {
    const set = GITHUB_APP_VARIABLES.filter((name) => (env[name] ?? "") !== "");
    if (set.length === 0 || set.length === GITHUB_APP_VARIABLES.length) return undefined;
    const missing = GITHUB_APP_VARIABLES.filter((name) => !set.includes(name));
    return (
        `GitHub App authentication needs ${GITHUB_APP_VARIABLES.join(", ")}: ${set.join(" and ")} ` +
        `${set.length === 1 ? "is" : "are"} set, ${missing.join(" and ")} not (set all three, as Pulumi Deployments ` +
        "gets them, or none and GITHUB_TOKEN)"
    );
}

/** The App credentials of the environment when all three variables are set; undefined when none is. */
export function appCredentialsOf(env: Environment): GitHubAppCredentials | undefined {
    const problem = appCredentialsProblem(env);
    if (problem !== undefined) throw apiError(problem);
    const [appId, installationId, privateKey] = GITHUB_APP_VARIABLES.map((name) => env[name] ?? "");
    return appId === "" ? undefined : { appId, installationId, privateKey };
}

/**
 * The App's JWT (RS256, issued 30 s back against clock drift, expiring 10 minutes later: GitHub's limit), signed by
 * universal-github-app-jwt, the signer of @octokit/auth-app, which takes the PKCS#1 key GitHub issues. Its failure
 * (a key that is no RSA private key) is one line naming the variable, never the key.
 */
async function appJwt(app: GitHubAppCredentials): Promise<string> {
    const githubAppJwt = (require("universal-github-app-jwt") as typeof import("universal-github-app-jwt")).default;
    try {
        return (await githubAppJwt({ id: app.appId, privateKey: app.privateKey })).token;
    } catch (err) {
        const redactor = { redact: (text: string) => redactSecrets(text, [app.privateKey]) };
        throw apiError(
            `GITHUB_APP_PEM_FILE is not a private key the JWT of GitHub App ${app.appId} can be signed with: ` +
                excerpt(String((err as Error).message ?? err), redactor, 200),
        );
    }
}

/**
 * What the writers call GitHub with at `apiUrl`: a fresh installation token of the environment's GitHub App when
 * GITHUB_APP_ID, GITHUB_APP_INSTALLATION_ID and GITHUB_APP_PEM_FILE are set (the provider's precedence), else
 * GITHUB_TOKEN. The minted token lives in this object only: every call redacts it from its errors (gitData's `call`).
 */
export async function gitHubApiFor(apiUrl: string, env: Environment = process.env): Promise<GitHubApi> {
    const app = appCredentialsOf(env);
    if (app === undefined) return { apiUrl, token: env.GITHUB_TOKEN ?? "" };
    const jwt = await appJwt(app);
    try {
        return { apiUrl, token: await createInstallationToken({ apiUrl, token: jwt }, app.installationId) };
    } catch (err) {
        const failure = err as Error & { status?: number };
        failure.message =
            `minting an installation token of GitHub App ${app.appId} (installation ${app.installationId}) failed: ` +
            `${failure.message}; check GITHUB_APP_ID, GITHUB_APP_INSTALLATION_ID and GITHUB_APP_PEM_FILE`;
        throw failure;
    }
}
