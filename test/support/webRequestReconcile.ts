/**
 * One WebRequestCommitStatus reconcile as gitops-promoter v0.36.0 runs it, by the promoter's own engines
 * (expr-lang v1.17.8, text/template with slim-sprig v3.0.0): the `webrequest-reconcile` tool of conformance/gate (its
 * README says which part mirrors which upstream file). Only the HTTP answer is a stand-in, given per branch. The
 * tool derives the promoter's API types from the vendored CRDs, which every case carries.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as YAML from "yaml";
import { CRD_ROOT } from "./crdValidator";
import { buildGoTool } from "./goTools";

/**
 * The vendored CRDs (verbatim upstream, test/fixtures/crds) the tool derives the Go types of PromotionStrategy and
 * WebRequestCommitStatus from.
 */
export const PROMOTER_CRD_FILES = [
    "promoter.argoproj.io_promotionstrategies.yaml",
    "promoter.argoproj.io_webrequestcommitstatuses.yaml",
].map((file) => path.join(CRD_ROOT, "gitops-promoter-v0.36.0", file));

let promoterCrds: unknown[] | undefined;

function crds(): unknown[] {
    promoterCrds ??= PROMOTER_CRD_FILES.map((file) => YAML.parse(fs.readFileSync(file, "utf8")));
    return promoterCrds;
}

/** A Kubernetes object as JSON (the API server's form): what the controller reads. */
export type KubernetesObject = { apiVersion: string; kind: string; metadata: object; spec: object; status?: object };

export interface StandInResponse {
    branch: string;
    statusCode: number;
    headers?: Record<string, string[]>;
    /** The raw body; the controller JSON-decodes it when it can, else keeps the string. */
    body: string;
}

export interface ReconcileCase {
    /** RFC 3339; the polling interval is measured from the previous request to this instant. */
    now: string;
    namespaceMetadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
    promotionStrategy: KubernetesObject;
    /** Spec as declared, status as the previous reconcile left it (a result's `status`). */
    webRequestCommitStatus: KubernetesObject;
    httpResponses?: StandInResponse[];
}

export interface RenderedRequest {
    branch: string;
    method: string;
    url: string;
    headers: Record<string, string>;
    body: string;
}

export interface ReconciledCommitStatus {
    name: string;
    branch: string;
    sha: string;
    phase: string;
    description: string;
    url: string;
}

export interface EnvironmentStatus {
    branch: string;
    reportedSha?: string;
    lastSuccessfulSha?: string;
    phase: string;
    lastRequestTime?: string;
    lastResponseStatusCode?: number;
}

export interface Reconciled {
    renderedRequests: RenderedRequest[];
    commitStatuses: ReconciledCommitStatus[];
    status: { environments?: EnvironmentStatus[] };
}

/** What the controller's reconcile returns: its result, or the error it would log and retry on. */
export type ReconcileOutcome = Reconciled | { error: string };

/** Runs one reconcile; rejects when the case itself is invalid (the tool exits 2 and says why). */
export async function reconcileWebRequest(reconcileCase: ReconcileCase): Promise<ReconcileOutcome> {
    return JSON.parse(await runTool([], { ...reconcileCase, crds: crds() })) as ReconcileOutcome;
}

/** What a CRD property became in the derived Go types: the selector templates and expressions write, its Go type. */
export interface DerivedField {
    selector: string;
    type: string;
}

/**
 * The derived types' fields by JSON path, the kind first and `[]` for an element (e.g.
 * `WebRequestCommitStatus.status.environments[].reportedSha`), as the tool builds them from the vendored CRDs.
 */
export async function derivedApiFields(): Promise<Record<string, DerivedField>> {
    return JSON.parse(await runTool(["describe"], { crds: crds() })) as Record<string, DerivedField>;
}

async function runTool(args: string[], input: unknown): Promise<string> {
    const tool = await buildGoTool("webrequest-reconcile");
    return new Promise((resolve, reject) => {
        const child = spawn(tool, args, { stdio: ["pipe", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
        child.on("error", reject);
        child.on("close", (code) => {
            if (code === 0) resolve(stdout);
            else reject(new Error(`webrequest-reconcile exited ${code}: ${stderr.trim()}`));
        });
        child.stdin.end(JSON.stringify(input));
    });
}

/** The result, or a failure naming the controller's error. */
export function reconciled(outcome: ReconcileOutcome): Reconciled {
    if ("error" in outcome) throw new Error(`the promoter's reconcile fails: ${outcome.error}`);
    return outcome;
}
