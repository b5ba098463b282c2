import { strict as assert } from "node:assert";
import { UsageError, parseCommandLine } from "../../lib/cli/args";
import type { GitHubClient } from "../../lib/github/client";
import { StackFileError } from "../../config/stackFile";
import { stackOption } from "../../tools/lib/args";
import { MAX_TAG_PAGES, fileExistsAt, releaseVersionOfTag, releaseVersionsOf } from "../../tools/lib/discoverGitHub";
import { applyStepOf, promotionModeOf } from "../../tools/lib/settings";
import { parseReleaseVersion } from "../../tools/lib/versions";

describe("parseReleaseVersion: the message for each near miss", () => {
    const message = (input: string) => {
        const check = parseReleaseVersion(input);
        assert.equal(check.ok, false, input);
        return check.ok ? "" : check.message;
    };
    const GENERIC = "is not a release version: expected semver without a leading v, e.g. 1.2.28";

    it("a leading v or V, even around spaces, is named and the bare version offered", () => {
        assert.equal(message(" v1.2.3 "), '" v1.2.3 " is not a release version: drop the leading "v" and pass 1.2.3');
        assert.equal(message("V1.2.3"), '"V1.2.3" is not a release version: drop the leading "v" and pass 1.2.3');
    });

    it("a v before something that is no version, or a v elsewhere, gets the general message", () => {
        assert.equal(message("vfoo"), `"vfoo" ${GENERIC}`);
        assert.equal(message("a1.2.3-v"), `"a1.2.3-v" ${GENERIC}`);
        assert.equal(message("banana"), `"banana" ${GENERIC}`);
    });

    it("what semver can clean up is offered cleaned", () => {
        assert.equal(message("=1.2.3"), '"=1.2.3" is not a release version: did you mean 1.2.3?');
    });
});

describe("stackOption without a fallback", () => {
    it("is undefined when --stack is not given, and refuses a path", () => {
        assert.equal(stackOption(parseCommandLine([], { stack: "string" })), undefined);
        assert.throws(
            () => stackOption(parseCommandLine(["--stack", "../x"], { stack: "string" })),
            new UsageError('--stack "../x" is not a stack name (letters, digits, "-", "_" and "." only; not a path)'),
        );
    });
});

/** A GitHub client whose every request is answered by `answer`, recording what was asked. */
function client(answer: (route: string, params: Record<string, unknown>) => unknown): {
    client: GitHubClient;
    asked: Array<Record<string, unknown>>;
} {
    const asked: Array<Record<string, unknown>> = [];
    return {
        asked,
        client: {
            request: async (route: string, params: Record<string, unknown>) => {
                asked.push(params);
                return answer(route, params);
            },
        } as unknown as GitHubClient,
    };
}

class HttpError extends Error {
    constructor(readonly status: number) {
        super(`HTTP ${status}`);
    }
}

describe("discovery's GitHub questions", () => {
    it("a release tag starts with v; the same version after any other letter is no release", () => {
        assert.equal(releaseVersionOfTag("v1.2.3"), "1.2.3");
        assert.equal(releaseVersionOfTag("x1.2.3"), undefined);
    });

    it("reads tag pages while GitHub says there is a next one, but never more than MAX_TAG_PAGES", async () => {
        const endless = client((_route, params) => ({
            data: [{ name: `v1.0.${params.page as number}` }],
            headers: { link: '<https://api.github.com/x?page=2>; rel="next"' },
        }));
        const versions = await releaseVersionsOf(endless.client, "carverauto/serviceradar");
        assert.equal(MAX_TAG_PAGES, 10);
        assert.deepEqual(
            endless.asked.map((p) => p.page),
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        );
        assert.deepEqual(versions, [
            "1.0.1",
            "1.0.2",
            "1.0.3",
            "1.0.4",
            "1.0.5",
            "1.0.6",
            "1.0.7",
            "1.0.8",
            "1.0.9",
            "1.0.10",
        ]);
    });

    it("a file GitHub answers 404 for does not exist; any other failure reaches the caller", async () => {
        assert.equal(await fileExistsAt(client(() => ({ data: {} })).client, "o/r", "values.yaml", "v1.0.0"), true);
        const missing = client(() => {
            throw new HttpError(404);
        });
        assert.equal(await fileExistsAt(missing.client, "o/r", "values.yaml", "v1.0.0"), false);
        assert.deepEqual(missing.asked, [{ owner: "o", repo: "r", path: "values.yaml", ref: "v1.0.0" }]);
        const broken = client(() => {
            throw new HttpError(500);
        });
        await assert.rejects(fileExistsAt(broken.client, "o/r", "values.yaml", "v1.0.0"), new HttpError(500));
    });
});

describe("tools/lib/settings: the promotion mode and apply step as the stack file and Pulumi.yaml say", () => {
    const project = (defaults: Record<string, string>) => ({ name: "serviceradar-release", defaults, secretKeys: [] });
    const stackText = (key: string, value: string) => `config:\n  serviceradar-release:${key}: ${value}\n`;

    it("no promotionMode anywhere, or one that is neither mode, is a stack file error naming where", () => {
        assert.throws(
            () => promotionModeOf(project({}), "config: {}\n", "demo"),
            new StackFileError("promotionMode is set neither in Pulumi.demo.yaml nor in Pulumi.yaml"),
        );
        assert.throws(
            () => promotionModeOf(project({}), stackText("promotionMode", "gitops"), "demo"),
            new StackFileError('promotionMode "gitops" (Pulumi.demo.yaml) is neither promoter nor direct'),
        );
        assert.deepEqual(promotionModeOf(project({ promotionMode: "direct" }), "config: {}\n", "demo"), {
            mode: "direct",
            source: "Pulumi.yaml default",
        });
    });

    it("without deploymentsEnabled anywhere the apply step says it is unset", () => {
        assert.equal(
            applyStepOf(project({}), "config: {}\n", "demo", "release"),
            "deploymentsEnabled is not true for demo (unset): nothing runs pulumi up on the push. The release " +
                "workflow's own pulumi up step does, or run pulumi up -s demo; Argo CD then syncs it.",
        );
    });
});
