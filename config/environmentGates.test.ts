import { strict as assert } from "node:assert";
import { ConfigError, parseReleaseConfig, ReleaseConfig } from "./config";
import { validSource } from "../test/support/configSource";

// environmentGates: each environment's own gates (e2e, soak), read once for every environment by every stack.

function parse(overrides: Record<string, string | undefined>): ReleaseConfig {
    return parseReleaseConfig(validSource("demo-staging", overrides));
}

function rejection(overrides: Record<string, string | undefined>): ConfigError {
    try {
        parse(overrides);
    } catch (err) {
        assert.ok(err instanceof ConfigError, String(err));
        return err;
    }
    assert.fail(`expected ${JSON.stringify(overrides)} to be rejected`);
}

describe("config environmentGates", () => {
    it("unset: the first environment has the e2e gate and soakDuration, the others none", () => {
        assert.deepEqual(parse({ soakDuration: "45m" }).promotion.gates, {
            "demo-staging": { e2e: true, soakDuration: "45m" },
            demo: { e2e: false },
        });
        assert.deepEqual(parse({}).promotion.gates["demo-staging"], { e2e: true });
    });

    it("set: each environment its own, one left out has none", () => {
        const gates = parse({ environmentGates: JSON.stringify({ demo: { e2e: true, soak: "1h30m" } }) }).promotion
            .gates;
        assert.deepEqual(gates, { "demo-staging": { e2e: false }, demo: { e2e: true, soakDuration: "1h30m" } });
    });

    for (const [value, why] of [
        ['["demo"]', "not an object"],
        ['{"prod": {"e2e": true}}', "not an environment"],
        ['{"demo": {"e2e": "yes"}}', "e2e not a boolean"],
        ['{"demo": {"soak": "30"}}', "soak not a duration"],
        ['{"demo": {"e2e": true, "wait": "1h"}}', "an unknown gate"],
        ['{"demo": true}', "gates not an object"],
    ]) {
        it(`refuses ${why} in one line naming the key, the value and what is allowed`, () => {
            const err = rejection({ environmentGates: value });
            assert.equal(err.key, "environmentGates");
            assert.ok(
                err.message.includes(`serviceradar-release:environmentGates: ${JSON.stringify(value)}`),
                err.message,
            );
            assert.match(err.message, /expected a JSON object from environments of demo-staging, demo to \{"e2e"/);
        });
    }

    it("refuses soakDuration beside environmentGates, which holds each environment's soak", () => {
        const err = rejection({ soakDuration: "30m", environmentGates: '{"demo-staging": {"e2e": true}}' });
        assert.equal(err.key, "soakDuration");
        assert.match(err.message, /"30m"; expected it unset when environmentGates is set/);
    });
});
