import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as semver from "semver";
import { EXIT } from "../../lib/cli/exitCodes";
import { runRelease, runReleaseCommand } from "../../tools/lib/releaseCommand";
import { runInProcess } from "../support/commands";
import { REPO_ROOT, capture, configOf, readStack, removeDir, setKey, stackPath, tempProject } from "./helpers";

const VERSION_KEY = "serviceradar-release:version";

function currentStagingVersion(dir: string): string {
    return String(configOf(readStack(dir, "demo-staging"))[VERSION_KEY]);
}

describe("npm run release (tools/lib/releaseCommand)", () => {
    let dir = "";
    beforeEach(() => {
        dir = tempProject();
    });
    afterEach(() => removeDir(dir));

    function release(args: string[]) {
        const io = capture();
        const code = runRelease(args, io, { root: dir });
        return { code, io };
    }

    it("writes the next version into the staging file, keeping every other line", () => {
        const current = currentStagingVersion(dir);
        const next = semver.inc(current, "patch") as string;
        const before = readStack(dir, "demo-staging");
        const { code, io } = release([next]);
        assert.equal(code, EXIT.ok, io.text());
        const after = readStack(dir, "demo-staging");
        assert.equal(after, before.replace(`${VERSION_KEY}: ${current}`, `${VERSION_KEY}: ${next}`));
        assert.notEqual(after, before);
        for (const line of before.split("\n").filter((l) => l.trim().startsWith("#")))
            assert.ok(after.includes(line), line);
        assert.match(io.stdout.join("\n"), new RegExp(`Released demo-staging: version ${current} -> ${next}`));
        assert.match(io.stdout.join("\n"), /git add Pulumi\.demo-staging\.yaml/);
    });

    it("prints the promoter next step in promoter mode and the promote command in direct mode", () => {
        setKey(dir, "demo-staging", "promotionMode", "promoter");
        const promoter = release(["50.0.0"]);
        assert.equal(promoter.code, EXIT.ok, promoter.io.text());
        assert.match(promoter.io.stdout.join("\n"), /promotionMode is promoter \(Pulumi\.demo-staging\.yaml\)/);
        assert.match(promoter.io.stdout.join("\n"), /GitOps Promoter opens\s+the demo PR; a human merges it/);
        assert.doesNotMatch(promoter.io.stdout.join("\n"), /npm run promote/);
        setKey(dir, "demo-staging", "promotionMode", "direct");
        const direct = release(["50.0.1"]);
        assert.match(direct.io.stdout.join("\n"), /promotionMode is direct .*\n.*npm run promote -- 50\.0\.1/);
    });

    it("refuses a lower version without --rollback and leaves the file alone", () => {
        setKey(dir, "demo-staging", "version", "1.5.0");
        const before = readStack(dir, "demo-staging");
        const { code, io } = release(["1.4.9"]);
        assert.equal(code, EXIT.refused);
        assert.match(
            io.stderr.join("\n"),
            /refusing to move demo-staging backwards from 1\.5\.0 to 1\.4\.9; pass --rollback/,
        );
        assert.equal(readStack(dir, "demo-staging"), before);
    });

    it("rolls back with --rollback", () => {
        setKey(dir, "demo-staging", "version", "1.5.0");
        const { code, io } = release(["1.4.9", "--rollback"]);
        assert.equal(code, EXIT.ok, io.text());
        assert.equal(currentStagingVersion(dir), "1.4.9");
        assert.match(io.stdout.join("\n"), /Rolled back demo-staging: version 1\.5\.0 -> 1\.4\.9/);
    });

    it("exits 3 without writing when the stack already has the version", () => {
        const current = currentStagingVersion(dir);
        const mtime = fs.statSync(stackPath(dir, "demo-staging")).mtimeMs;
        const { code, io } = release([current]);
        assert.equal(code, EXIT.nothingToDo);
        assert.match(io.stdout.join("\n"), /already at .*nothing to do/);
        assert.equal(fs.statSync(stackPath(dir, "demo-staging")).mtimeMs, mtime);
    });

    it("names a bad version and suggests the bare form of v1.2.3", () => {
        const before = readStack(dir, "demo-staging");
        const v = release(["v1.2.3"]);
        assert.equal(v.code, EXIT.usage);
        assert.match(
            v.io.stderr.join("\n"),
            /"v1\.2\.3" is not a release version: drop the leading "v" and pass 1\.2\.3/,
        );
        const junk = release(["one-point-two"]);
        assert.equal(junk.code, EXIT.usage);
        assert.match(junk.io.stderr.join("\n"), /"one-point-two" is not a release version/);
        assert.equal(readStack(dir, "demo-staging"), before);
    });

    it("refuses to release straight to demo, unknown stacks and bad flags", () => {
        const demo = release(["9.9.9", "--stack", "demo"]);
        assert.equal(demo.code, EXIT.usage);
        assert.match(demo.io.stderr.join("\n"), /demo is only reached by promotion/);
        const unknown = release(["9.9.9", "--stack", "prod"]);
        assert.equal(unknown.code, EXIT.usage);
        assert.match(unknown.io.stderr.join("\n"), /no stack file Pulumi\.prod\.yaml .*known stacks: .*demo-staging/);
        assert.equal(release(["9.9.9", "--bogus"]).code, EXIT.usage);
        assert.equal(release([]).code, EXIT.usage);
        assert.equal(release(["1.0.0", "2.0.0"]).code, EXIT.usage);
    });

    it("updates an imageTag pinned to the old derived tag and warns about a chartVersion pinned elsewhere", () => {
        setKey(dir, "demo-staging", "version", "1.5.0");
        setKey(dir, "demo-staging", "imageTag", "v1.5.0");
        setKey(dir, "demo-staging", "chartVersion", "1.4.0");
        const { code, io } = release(["1.5.1"]);
        assert.equal(code, EXIT.ok, io.text());
        const config = configOf(readStack(dir, "demo-staging"));
        assert.equal(config["serviceradar-release:imageTag"], "v1.5.1");
        assert.equal(config["serviceradar-release:chartVersion"], "1.4.0");
        assert.match(io.stderr.join("\n"), /warning: serviceradar-release:chartVersion is pinned to 1\.4\.0/);
    });

    it("never touches the repository's own stack files", () => {
        const real = fs.readFileSync(path.join(REPO_ROOT, "Pulumi.demo-staging.yaml"), "utf8");
        release(["77.0.0"]);
        assert.equal(fs.readFileSync(path.join(REPO_ROOT, "Pulumi.demo-staging.yaml"), "utf8"), real);
    });
});

describe("npm run release through its entry (what tools/release.ts runs)", () => {
    let dir = "";
    beforeEach(() => {
        dir = tempProject();
        setKey(dir, "demo-staging", "version", "1.5.0");
    });
    afterEach(() => removeDir(dir));

    const release = (args: string[]) => runInProcess(runReleaseCommand, [...args, "--root", dir], { env: {} });

    it("exits 0 and prints the next step", async () => {
        const result = await release(["1.5.1"]);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /Released demo-staging: version 1\.5\.0 -> 1\.5\.1 in Pulumi\.demo-staging\.yaml/);
        // deploymentsEnabled is false by default: nothing applies the push by itself.
        assert.match(
            result.stdout,
            /deploymentsEnabled is not true for demo-staging \(Pulumi\.yaml default\): nothing runs pulumi up on the push\. The release workflow's own pulumi up step does, or run pulumi up -s demo-staging/,
        );
        assert.doesNotMatch(result.stdout, /Pulumi Deployments runs/);
        assert.equal(currentStagingVersion(dir), "1.5.1");
    });

    it("says Pulumi Deployments applies the push only when the stack enables it", async () => {
        setKey(dir, "demo-staging", "deploymentsEnabled", "true");
        const result = await release(["1.5.1"]);
        assert.equal(result.code, 0, result.stderr);
        assert.match(
            result.stdout,
            /Pulumi Deployments runs pulumi up for demo-staging on the push; Argo CD then syncs it\./,
        );
    });

    it("exits 2 on a bad version, 1 going backwards, 3 on the same version", async () => {
        const bad = await release(["v1.5.1"]);
        assert.equal(bad.code, 2);
        assert.match(bad.stderr, /"v1\.5\.1" is not a release version: drop the leading "v" and pass 1\.5\.1/);
        const back = await release(["1.4.0"]);
        assert.equal(back.code, 1);
        const same = await release(["1.5.0"]);
        assert.equal(same.code, 3);
        assert.equal(currentStagingVersion(dir), "1.5.0");
    });
});
