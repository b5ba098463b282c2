import { strict as assert } from "node:assert";
import { PolicyConfigError } from "../../plan/policyConfig";
import { policies } from "../../policies/pack";
import { chartApplication, violationsOf } from "./fixtures";

// What a user reads besides a finding: each policy's description (the first line of every violation message), its
// remediation steps and its config schema (both shown by `pulumi policy` commands), and what the schema refuses.

function policy(name: string) {
    const found = policies.find((p) => p.name === name);
    assert.ok(found, `policy ${name}`);
    return found;
}

const texts: [string, string[], string[]][] = [
    [
        "immutable-image-tags",
        [
            "Every image the stack deploys must be pinned to an immutable tag: v<semver> (e.g. v1.2.27), sha-<40-hex commit> or an @sha256:<64-hex> digest. ",
            "A mutable tag (latest, main, a missing or empty tag) lets the same configuration run different code.",
        ],
        [
            "Set the reported key or container image to the release tag (v<version>, e.g. v1.2.27), the commit tag sha-",
            "sha-<40-hex commit id>, or append @sha256:<64-hex digest>. Tags are case-sensitive",
            "are not release or commit tags.",
        ],
    ],
    [
        "pinned-chart-version",
        [
            "The chart must be pinned: a Helm or OCI source's targetRevision is one exact semver chart version (no *, ranges or latest)",
            "a git source (a path or a ref) is pinned to a release tag (v1.2.27) or a full 40-hex commit id, never a branch such as HEAD, main or staging",
            "staging; the umbrella Chart.yaml's dependency versions are exact semver",
            "Promoter environment branch follow their branch by design, so their pins are judged in the committed Chart.yaml",
        ],
        [
            "Set targetRevision to the exact chart version (e.g. 1.2.27, without v) for chart sources, or to the release tag or commit id",
            "or commit id for git sources; write exact versions in Chart.yaml dependencies.",
        ],
    ],
    [
        "chart-image-version-agreement",
        [
            "The chart version and the image version must agree (design Decision 6): chart <version> runs image tag v<version>",
            "v<version> (global.imageTag and image.tags.*), wherever the chart is pinned (an Argo CD Application source or the DRY",
            "DRY umbrella Chart.yaml with its values files). A deliberate mismatch needs allowMismatchReason in the policy config.",
        ],
        [
            "Set global.imageTag to v<chartVersion> (and remove per-image tags that differ), or bump the chart version to match",
            "match the image. To run a different image on purpose, set a non-empty allowMismatchReason for this policy in policies/",
            "policies/<stack>.json.",
        ],
    ],
    [
        "no-prerelease",
        [
            "No pre-release may be deployed: chart versions, git release tags and image tags must not carry a pre-release part",
            "part such as -rc.1 or -alpha. Enabled per stack by its policy config (demo runs final releases only).",
        ],
        [
            "Promote a final release (e.g. 1.2.27 / v1.2.27) once the release candidate has passed demo-staging, or keep the",
            "the candidate in demo-staging.",
        ],
    ],
    [
        "data-safety",
        [
            "The environment's data must be safe: every Argo CD Application that runs it (selected by applicationLabels) keeps the CNPG ignoreDifferences (group postgresql",
            "(group postgresql.cnpg.io, kind Cluster, /spec/instances and /spec/storage/size) and the sync options PrunePropagationPolicy",
            "PrunePropagationPolicy=foreground and RespectIgnoreDifferences=true; where the policy config requires protection, the Application and the Namespace",
            "Namespace it deploys into are protected (protect: true), and the resources-finalizer.argocd.argoproj.io finalizer stays only on a protected Application.",
        ],
        [
            "Keep DATA_SAFETY_IGNORE_DIFFERENCES and DATA_SAFETY_SYNC_OPTIONS (environment/argocd.ts) on the Application; in a stack whose",
            "whose data must survive set the `protect` config to true, which declares the Namespace and Application with protect",
            "protect and retainOnDelete. Never remove the finalizer's protection by hand while the Application runs.",
        ],
    ],
    [
        "mutable-tags-pull-always",
        [
            "Where an image tag is mutable (latest, main, empty, anything but v<semver>, sha-<40 hex> or a digest), it must be",
            "be pulled with imagePullPolicy Always: global.imagePullPolicy (or the image's own pullPolicy) in Helm values, imagePullPolicy",
            "imagePullPolicy on containers. Otherwise nodes keep a stale image.",
        ],
        [
            "Set global.imagePullPolicy: Always (stack config imagePullPolicy=Always) or the reported pullPolicy / container imagePullPolicy",
            "imagePullPolicy to Always, or pin the image to an immutable tag.",
        ],
    ],
];

describe("policy texts and config schemas", () => {
    for (const [name, description, remediation] of texts) {
        it(`${name} describes what it checks`, () => {
            for (const part of description) assert.ok(policy(name).description.includes(part), part);
        });
        it(`${name} says how to fix a finding`, () => {
            for (const part of remediation) assert.ok((policy(name).remediationSteps ?? "").includes(part), part);
        });
    }

    it("opens every violation message with the policy's description", async () => {
        const [violation] = await violationsOf("immutable-image-tags", [
            chartApplication("1.2.27", { valuesObject: { global: { imageTag: "main" } } }),
        ]);
        assert.equal(violation.message.split("\n")[0], policy("immutable-image-tags").description);
    });

    const schemas: [string, string, object, unknown][] = [
        ["chart-image-version-agreement", "allowMismatchReason", { type: "string" }, ""],
        [
            "chart-image-version-agreement",
            "charts",
            { type: "array", items: { type: "string", minLength: 1 } },
            ["serviceradar"],
        ],
        [
            "chart-image-version-agreement",
            "independentImageTags",
            { type: "array", items: { type: "string", minLength: 1 } },
            ["nats"],
        ],
        ["data-safety", "requireProtection", { type: "boolean" }, true],
        ["data-safety", "applicationLabels", { type: "object", additionalProperties: { type: "string" } }, {}],
    ];
    for (const [name, key, shape, fallback] of schemas) {
        it(`${name} declares ${key}: its type, default and a description`, () => {
            const property = policy(name).configSchema?.properties[key] as Record<string, unknown>;
            assert.ok(property, key);
            for (const [field, value] of Object.entries(shape)) assert.deepEqual(property[field], value, field);
            assert.deepEqual(property.default, fallback);
            assert.ok(typeof property.description === "string" && property.description.length >= 20, key);
        });
    }

    const refused: [string, Record<string, unknown>, RegExp][] = [
        ["chart-image-version-agreement", { allowMismatchReason: 5 }, /allowMismatchReason must be string/],
        ["chart-image-version-agreement", { charts: "serviceradar" }, /charts must be array/],
        ["chart-image-version-agreement", { charts: [""] }, /charts\/0 must NOT have fewer than 1 characters/],
        [
            "chart-image-version-agreement",
            { independentImageTags: [""] },
            /independentImageTags\/0 must NOT have fewer/,
        ],
        ["data-safety", { requireProtection: "yes" }, /requireProtection must be boolean/],
        ["data-safety", { applicationLabels: { team: 1 } }, /applicationLabels\/team must be string/],
        ["data-safety", { applicationLabels: "team" }, /applicationLabels must be object/],
    ];
    for (const [name, config, problem] of refused) {
        it(`${name} refuses the config ${JSON.stringify(config)}`, async () => {
            await assert.rejects(violationsOf(name, [], config), (err: unknown) => {
                assert.ok(err instanceof PolicyConfigError, String(err));
                assert.match(err.message, problem);
                return true;
            });
        });
    }
});
