import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import type { ImportEntry } from "./adoption";
import { planJson, PlannedResourceJson } from "../test/support/plan";

const LIVE_DEMO = YAML.parse(
    fs.readFileSync(path.resolve(__dirname, "../test/fixtures/serviceradar/demo-prod.yaml"), "utf8"),
);

type Entry = ImportEntry;

describe("adopting today's demo (pulumi import --file with the plan's imports)", () => {
    it("imports the live Application serviceradar-demo-prod and its namespace, not a second Application", async () => {
        const plan = await planJson("demo");
        const imports = (plan as unknown as { imports: { resources: Entry[] } }).imports.resources;
        const byType = (type: string) => imports.filter((e) => e.type === type);
        const [application] = byType("kubernetes:argoproj.io/v1alpha1:Application");
        assert.strictEqual(application.id, `${LIVE_DEMO.metadata.namespace}/${LIVE_DEMO.metadata.name}`);
        assert.strictEqual(application.id, "argocd/serviceradar-demo-prod");
        const [namespace] = byType("kubernetes:core/v1:Namespace");
        assert.strictEqual(namespace.id, LIVE_DEMO.spec.destination.namespace);
        const [pullSecret] = byType("kubernetes:core/v1:Secret");
        assert.strictEqual(
            pullSecret.id,
            `demo/${plan.resources.find((r) => r.type === "kubernetes:core/v1:Secret")?.inputs.metadata.name}`,
        );
        const declaredApplication = plan.resources.find((r) => r.type === application.type)!;
        assert.strictEqual(declaredApplication.inputs.spec.destination.namespace, LIVE_DEMO.spec.destination.namespace);
        assert.strictEqual(declaredApplication.inputs.spec.project, LIVE_DEMO.spec.project);
    });

    it("gives every imported object exactly the URN the program declares, under its component", async () => {
        const plan = await planJson("demo");
        const imports = (plan as unknown as { imports: { resources: Entry[] } }).imports.resources;
        const component = imports.find((e) => e.component)!;
        assert.strictEqual(component.type, "serviceradar:release:ServiceRadarEnvironment");
        assert.strictEqual(component.id, undefined, "a component is created empty, not imported");
        const adopted = imports.filter((e) => !e.component);
        assert.strictEqual(adopted.length, 3);
        for (const entry of adopted) {
            assert.strictEqual(entry.parent, component.name, entry.logicalName);
            // The engine's URN of a component's child: the parent chain's types (the root stack's left out), then the name.
            const urn: string = `urn:pulumi:demo::serviceradar-release::${component.type}$${entry.type}::${entry.logicalName}`;
            const declared: PlannedResourceJson | undefined = plan.resources.find((r) => r.urn === urn);
            assert.ok(declared, `${urn} is declared`);
            const { name, namespace }: { name: string; namespace?: string } = declared.inputs.metadata;
            assert.strictEqual(entry.id, namespace ? `${namespace}/${name}` : name, "the id names the declared object");
            if (entry.type !== "kubernetes:core/v1:Secret") {
                assert.strictEqual(declared.options.protect, true, "demo's data stays protected once adopted");
            }
        }
    });
});
