// A stack-file lock whose holder's PID now belongs to another process (PIDs are reused) is stale: the lock records
// when its process started, and a live process that started at another time does not hold it.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { editLocked } from "../../lib/lockedFile";

function ownStart(): string {
    const bootId = fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    const stat = fs.readFileSync(`/proc/${process.pid}/stat`, "utf8");
    return `${bootId}:${stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]}`;
}

describe("lib/lockedFile: a lock whose PID was reused", () => {
    let dir: string;
    let file: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "stale-lock-"));
        file = path.join(dir, "Pulumi.demo.yaml");
        fs.writeFileSync(file, "config: {}\n");
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const lockFor = (start: string) =>
        fs.writeFileSync(`${file}.lock`, `${process.pid} ${os.hostname()} 2020-01-01T00:00:00.000Z ${start}\n`);

    it("is taken over when the live process with that PID started at another time", () => {
        const [bootId] = ownStart().split(":");
        lockFor(`${bootId}:1`);
        editLocked(file, "Pulumi.demo.yaml", () => "config:\n  a: b\n", { lockTimeoutMs: 200 });
        assert.equal(fs.readFileSync(file, "utf8"), "config:\n  a: b\n");
        assert.ok(!fs.existsSync(`${file}.lock`));
    });

    it("is honoured while the process that took it runs", () => {
        lockFor(ownStart());
        assert.throws(
            () => editLocked(file, "Pulumi.demo.yaml", () => "x: 1\n", { lockTimeoutMs: 100 }),
            /is locked by another edit/,
        );
        assert.equal(fs.readFileSync(file, "utf8"), "config: {}\n");
    });
});
