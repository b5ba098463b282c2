import { strict as assert } from "node:assert";
import { workloadContainers, workloadKind } from "../../../policies/lib/workloads";

describe("policies/lib/workloads", () => {
    it("recognises workload types under any Kubernetes API version", () => {
        assert.equal(workloadKind("kubernetes:apps/v1:Deployment"), "Deployment");
        assert.equal(workloadKind("kubernetes:apps/v1beta2:StatefulSet"), "StatefulSet");
        assert.equal(workloadKind("kubernetes:batch/v1beta1:CronJob"), "CronJob");
        assert.equal(workloadKind("kubernetes:core/v1:Pod"), "Pod");
        assert.equal(workloadKind("kubernetes:core/v1:Service"), undefined);
        assert.equal(workloadKind("kubernetes:apps/v1:DeploymentPatch"), undefined);
        assert.equal(workloadKind("aws:ecs/taskDefinition:TaskDefinition"), undefined);
    });

    it("finds containers, init containers and ephemeral containers at each kind's pod spec", () => {
        const pod = {
            initContainers: [{ name: "init", image: "busybox" }],
            containers: [{ name: "app", image: "a:v1.0.0", imagePullPolicy: "Always" }],
            ephemeralContainers: [{ image: "debug" }],
        };
        assert.deepEqual(
            workloadContainers("Deployment", { spec: { template: { spec: pod } } }).map((c) => [
                c.location,
                c.name,
                c.image,
                c.imagePullPolicy,
            ]),
            [
                ["spec.template.spec.initContainers[0]", "init", "busybox", undefined],
                ["spec.template.spec.containers[0]", "app", "a:v1.0.0", "Always"],
                ["spec.template.spec.ephemeralContainers[0]", undefined, "debug", undefined],
            ],
        );
        assert.deepEqual(
            workloadContainers("Pod", { spec: { containers: [{ image: "x" }] } }).map((c) => c.location),
            ["spec.containers[0]"],
        );
        assert.deepEqual(
            workloadContainers("CronJob", {
                spec: { jobTemplate: { spec: { template: { spec: { containers: [{ image: "x" }] } } } } },
            }).map((c) => c.location),
            ["spec.jobTemplate.spec.template.spec.containers[0]"],
        );
        assert.deepEqual(workloadContainers("Job", {}), []);
    });
});

describe("policies/lib/workloads: edge cases", () => {
    for (const type of ["xkubernetes:apps/v1:Deployment", "kubernetes:apps/v1:Deployment/x", "kubernetes::Pod"]) {
        it(`${type} is not a workload type`, () => assert.equal(workloadKind(type), undefined));
    }

    it("leaves a container name that is not a string out", () => {
        assert.deepEqual(
            workloadContainers("Pod", { spec: { containers: [{ name: 5, image: "x" }, "junk"] } }).map((c) => [
                c.name,
                c.image,
            ]),
            [
                [undefined, "x"],
                [undefined, undefined],
            ],
        );
    });
});
