// Names of objects the program derives from the configuration: config.ts checks that no two collide, and the
// components (environment/, promotion/, which re-export them) declare objects under them.
import type { EnvironmentName } from "./config";
import { ENVIRONMENT_BRANCH_PREFIX } from "../policies/lib/programContract";

export const SCM_SECRET_NAME = "serviceradar-github-app";
export const PROMOTER_APPLICATION_NAME = "gitops-promoter";

/** The live branch an environment syncs from; the promoter merges `<branch>-next` into it. */
export function environmentBranch(environment: EnvironmentName): string {
    return `${ENVIRONMENT_BRANCH_PREFIX}${environment}`;
}

export function proposedBranch(environment: EnvironmentName): string {
    return `${environmentBranch(environment)}-next`;
}

/** Name of the Argo CD repository Secret for a private chart registry, derived from the registry path. */
export function chartRepositoryCredentialName(chartRepository: string): string {
    return `argocd-repo-${chartRepository.replace(/[^a-z0-9]+/g, "-")}`.slice(0, 63).replace(/-+$/, "");
}
