import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { parseReleaseConfig, SECRET_KEYS } from "./config";
import { validSource } from "../test/support/configSource";

const ROOT = path.resolve(__dirname, "..");

/** Every key the config module reads, recorded while parsing configurations that reach every branch. */
function keysRead(): Set<string> {
    const read = new Set<string>();
    const everything = {
        deploymentsEnabled: "true",
        deploymentKubeconfig: "k",
        hydratorGithubAppId: "2459954",
        hydratorGithubAppInstallationId: "99273302",
        hydratorGithubAppPrivateKey: "h",
    };
    for (const stack of ["demo-staging", "demo"]) {
        const source = validSource(stack, everything);
        parseReleaseConfig({
            ...source,
            get: (key) => (read.add(key), source.get(key)),
            requireSecret: (key) => (read.add(key), source.requireSecret(key)),
        });
    }
    return read;
}

describe("configuration contract", () => {
    const project = YAML.parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8"));
    const declared = project.config as Record<string, { default?: unknown; secret?: boolean; description?: string }>;

    it("every key the program reads is documented in docs/configuration.md's table of keys", () => {
        const doc = fs.readFileSync(path.join(ROOT, "docs", "configuration.md"), "utf8");
        const keysSection = /^## The keys\n([\s\S]*?)(?=^## )/m.exec(doc);
        assert.ok(keysSection, 'docs/configuration.md has a section "## The keys"');
        const documented = new Set(
            [...keysSection[1].matchAll(/^\| ([^|]+) \|/gm)].flatMap((m) =>
                [...m[1].matchAll(/`([A-Za-z0-9]+)`/g)].map((k) => k[1]),
            ),
        );
        const missing = [...keysRead()].filter((key) => !documented.has(key));
        assert.deepStrictEqual(missing, []);
    });

    it("every key declared in Pulumi.yaml is read, described, and secret exactly when the program treats it so", () => {
        const read = keysRead();
        for (const [key, declaration] of Object.entries(declared)) {
            assert.ok(read.has(key), `${key} is declared but never read`);
            assert.ok(declaration.description, `${key} has a description`);
            assert.strictEqual(
                Boolean(declaration.secret),
                (SECRET_KEYS as readonly string[]).includes(key),
                `${key} secret flag`,
            );
            if (declaration.secret) assert.strictEqual(declaration.default, undefined, `secret ${key} has no default`);
        }
    });

    it("stack files hold only keys the program reads, and no plaintext secret", () => {
        const read = keysRead();
        for (const stack of ["demo-staging", "demo"]) {
            const file = YAML.parse(fs.readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8"));
            for (const [key, value] of Object.entries(file.config as Record<string, unknown>)) {
                const bare = key.replace(/^serviceradar-release:/, "");
                assert.ok(read.has(bare), `${stack}: ${key} is not a key the program reads`);
                if ((SECRET_KEYS as readonly string[]).includes(bare)) {
                    assert.ok(
                        typeof value === "object" && value !== null && "secure" in value,
                        `${stack}: ${key} must be encrypted`,
                    );
                }
            }
        }
    });
});
