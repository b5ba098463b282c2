// Edges of lib/lockedFile the mutation run found unpinned (docs/testing.md), tested in-process: the text shape, the
// one-line errors, how a lock is judged (dead, alive, reused PID, another host, its age, the wait), the takeover race,
// the choice between rename and in-place rewrite (owner, hard links), failed writes and what is left behind.
// File-system failures come from a copy of node:fs with one call replaced, as the module allows; time, where a
// boundary matters, from a fixed Date.now.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import realFs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { decodeText, editLocked, encodeText, FileEditError, FileSystem, processStart } from "../../lib/lockedFile";

const DISPLAY = "stack x";
const HOST = os.hostname();

function errno(code: string): NodeJS.ErrnoException {
    return Object.assign(new Error(`${code}: simulated failure`), { code });
}

/** Thrown by a fake call that was made far more often than the code under test should make it (a loop). */
class Looped extends Error {}

function ownStart(): string {
    const bootId = fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    const stat = fs.readFileSync(`/proc/${process.pid}/stat`, "utf8");
    return `${bootId}:${stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]}`;
}

/**
 * node:fs with some calls replaced. Unless replaced, readFileSync stops (Looped) after 50 reads of a lock: a correct
 * lock wait in these tests looks a few times at most, a broken one would poll forever.
 */
function withFs(overrides: Partial<Record<keyof FileSystem, unknown>>): FileSystem {
    let lockReads = 0;
    const readFileSync = (f: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
        if (String(f).endsWith(".lock") && ++lockReads > 50) throw new Looped();
        return (fs.readFileSync as (...args: unknown[]) => unknown)(f, ...rest);
    };
    return { ...fs, readFileSync, ...overrides } as FileSystem;
}

function thrown(fn: () => void): unknown {
    try {
        fn();
    } catch (err) {
        return err;
    }
    assert.fail("expected an error");
}

/** Runs fn with node:fs's readFileSync answering for the paths `answers` knows (what processStart reads). */
function withProc<T>(answers: (file: string) => string | undefined, fn: () => T): T {
    const original = realFs.readFileSync;
    realFs.readFileSync = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
        const answer = typeof file === "string" ? answers(file) : undefined;
        if (answer !== undefined) return answer;
        if (typeof file === "string" && file.startsWith("/proc/")) throw errno("ENOENT");
        return (original as (...args: unknown[]) => unknown)(file, ...rest);
    }) as typeof realFs.readFileSync;
    try {
        return fn();
    } finally {
        realFs.readFileSync = original;
    }
}

describe("lib/lockedFile: text shape", () => {
    it("reads a byte-order mark and LF, CRLF, mixed or no line ends", () => {
        assert.deepEqual(decodeText("\uFEFFa\r\nb\r\n"), { text: "a\nb\n", shape: { bom: true, lineEnds: "crlf" } });
        assert.deepEqual(decodeText("a\nb\n"), { text: "a\nb\n", shape: { bom: false, lineEnds: "lf" } });
        assert.deepEqual(decodeText("a\r\nb\n"), { text: "a\nb\n", shape: { bom: false, lineEnds: "mixed" } });
        assert.deepEqual(decodeText("a"), { text: "a", shape: { bom: false, lineEnds: "lf" } });
    });

    it("gives the mark and CRLF back, and leaves LF and mixed text as it is", () => {
        assert.equal(encodeText("a\nb\n", { bom: true, lineEnds: "crlf" }), "\uFEFFa\r\nb\r\n");
        assert.equal(encodeText("a\nb\n", { bom: false, lineEnds: "lf" }), "a\nb\n");
        assert.equal(encodeText("a\nb\n", { bom: false, lineEnds: "mixed" }), "a\nb\n");
    });
});

describe("lib/lockedFile: processStart", () => {
    const stat = (ticks: string) =>
        `77 (a) (b c) S ${Array.from({ length: 18 }, (_, i) => String(i + 1)).join(" ")} ${ticks} 99 100\n`;

    it("is the boot id and the start ticks of a running process, and undefined for one that does not run", () => {
        assert.equal(processStart(process.pid), ownStart());
        assert.equal(processStart(999_999_999), undefined);
    });

    it("reads field 22 after a command name holding spaces and parentheses", () => {
        const answers = (file: string) =>
            file.endsWith("boot_id") ? "boot-1\n" : file === "/proc/77/stat" ? stat("4242") : undefined;
        assert.equal(
            withProc(answers, () => processStart(77)),
            "boot-1:4242",
        );
    });

    it("is undefined when the start ticks are not a number or the boot id is empty", () => {
        for (const [boot, ticks] of [
            ["boot-1", "12x"],
            ["boot-1", "x12"],
            ["", "4242"],
        ]) {
            const answers = (file: string) =>
                file.endsWith("boot_id") ? `${boot}\n` : file === "/proc/77/stat" ? stat(ticks) : undefined;
            assert.equal(
                withProc(answers, () => processStart(77)),
                undefined,
                `${boot} ${ticks}`,
            );
        }
    });
});

describe("lib/lockedFile: editLocked", () => {
    let dir: string;
    let file: string;
    let lock: string;
    const OLD = "config:\n  a: old value\n";
    const NEW = "config:\n  a: b\n";
    const leftovers = () => fs.readdirSync(dir).filter((name) => name !== "Pulumi.x.yaml");

    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "locked-edges-"));
        file = path.join(dir, "Pulumi.x.yaml");
        lock = `${file}.lock`;
        fs.writeFileSync(file, OLD);
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const edit = (options: Parameters<typeof editLocked>[3] = {}, next = NEW) =>
        editLocked(file, DISPLAY, () => next, { fileSystem: withFs({}), ...options });
    const lockedMessage = (who: string, since: string) =>
        `${DISPLAY} is locked by another edit (${who} since ${since}); try again when it is done, ` +
        "or delete Pulumi.x.yaml.lock if no release or promote is running";

    describe("errors", () => {
        it("a missing file is one plain line with the verb 'find', a FileEditError by name", () => {
            const err = thrown(() => editLocked(path.join(dir, "nope.yaml"), DISPLAY, () => NEW));
            assert.ok(err instanceof FileEditError);
            assert.equal(err.message, `cannot find ${DISPLAY}: it does not exist (ENOENT); the file was not changed`);
            assert.equal(err.name, "FileEditError");
        });

        it("an error code without words says 'unexpected error'", () => {
            const fileSystem = withFs({
                realpathSync: () => {
                    throw errno("EWEIRD");
                },
            });
            const err = thrown(() => edit({ fileSystem }));
            assert.ok(err instanceof FileEditError);
            assert.equal(err.message, `cannot find ${DISPLAY}: unexpected error (EWEIRD); the file was not changed`);
        });

        it("a failure that is not a file-system error passes through as it is (a bug, not a message)", () => {
            for (const failure of [new Error("boom"), Object.assign(new Error("odd code"), { code: 5 })]) {
                const fileSystem = withFs({
                    realpathSync: () => {
                        throw failure;
                    },
                });
                assert.equal(
                    thrown(() => edit({ fileSystem })),
                    failure,
                );
            }
            const fileSystem = withFs({
                realpathSync: () => {
                    throw null;
                },
            });
            const err = thrown(() => edit({ fileSystem }));
            assert.ok(err instanceof Error && !(err instanceof FileEditError) && !(err instanceof TypeError));
            assert.equal(err.message, "null");
        });

        it("a file that cannot be read says 'read', and the lock is released", () => {
            const fileSystem = withFs({
                readFileSync: (f: string, ...rest: unknown[]) => {
                    if (f === file) throw errno("EACCES");
                    return (fs.readFileSync as (...args: unknown[]) => unknown)(f, ...rest);
                },
            });
            const err = thrown(() => edit({ fileSystem }));
            assert.ok(err instanceof FileEditError);
            assert.equal(err.message, `cannot read ${DISPLAY}: permission denied (EACCES); the file was not changed`);
            assert.deepEqual(leftovers(), []);
        });

        it("an error thrown by decide passes through with the lock released", () => {
            const failure = new Error("decided no");
            assert.equal(
                thrown(() =>
                    editLocked(file, DISPLAY, () => {
                        throw failure;
                    }),
                ),
                failure,
            );
            assert.deepEqual(leftovers(), []);
        });
    });

    describe("the text", () => {
        it("is left alone (same inode, no error) when decide returns the same text or nothing, mixed line ends too", () => {
            fs.writeFileSync(file, "a: 1\r\nb: 2\n");
            const inode = fs.statSync(file).ino;
            editLocked(file, DISPLAY, (text) => text);
            editLocked(file, DISPLAY, () => undefined);
            assert.equal(fs.statSync(file).ino, inode);
            assert.equal(fs.readFileSync(file, "utf8"), "a: 1\r\nb: 2\n");
        });

        it("is not changed when it mixes CRLF and LF line ends, with a message that says so", () => {
            fs.writeFileSync(file, "a: 1\r\nb: 2\n");
            const err = thrown(() => edit());
            assert.ok(err instanceof FileEditError);
            assert.equal(err.message, `${DISPLAY} mixes CRLF and LF line ends; make them one kind before editing it`);
            assert.equal(fs.readFileSync(file, "utf8"), "a: 1\r\nb: 2\n");
            assert.deepEqual(leftovers(), []);
        });

        it("keeps a byte-order mark and CRLF line ends; decide sees LF text without the mark", () => {
            fs.writeFileSync(file, "\uFEFFa: 1\r\nb: 2\r\n");
            editLocked(file, DISPLAY, (text) => {
                assert.equal(text, "a: 1\nb: 2\n");
                return "a: 3\nb: 2\n";
            });
            assert.equal(fs.readFileSync(file, "utf8"), "\uFEFFa: 3\r\nb: 2\r\n");
        });
    });

    describe("the lock", () => {
        it("holds pid, host, time and process start while the edit runs, and is gone after", () => {
            let held = "";
            editLocked(file, DISPLAY, () => {
                held = fs.readFileSync(lock, "utf8");
                return NEW;
            });
            const escaped = ownStart().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
            assert.match(held, new RegExp(`^${process.pid} \\S+ \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z ${escaped}\\n$`));
            assert.equal(held.split(" ")[1], HOST);
            assert.deepEqual(leftovers(), []);
        });

        it("says '-' for the process start where /proc cannot tell it", () => {
            let held = "";
            withProc(
                () => undefined,
                () =>
                    editLocked(file, DISPLAY, () => {
                        held = fs.readFileSync(lock, "utf8");
                        return NEW;
                    }),
            );
            assert.match(held, / -\n$/);
        });

        it("that cannot be created is a plain error", () => {
            let calls = 0;
            const fileSystem = withFs({
                openSync: (f: string, ...rest: unknown[]) => {
                    if (f === lock) {
                        if (++calls > 20) throw new Looped();
                        throw errno("EACCES");
                    }
                    return (fs.openSync as (...args: unknown[]) => number)(f, ...rest);
                },
                readFileSync: (f: string, ...rest: unknown[]) => {
                    if (f === lock) throw new Looped(); // there is no lock to read
                    return (fs.readFileSync as (...args: unknown[]) => unknown)(f, ...rest);
                },
            });
            const err = thrown(() => edit({ fileSystem }));
            assert.ok(err instanceof FileEditError, String(err));
            assert.equal(err.message, `cannot write ${DISPLAY}: permission denied (EACCES); the file was not changed`);
        });

        it("whose content cannot be written is removed, with a plain error and the file unchanged", () => {
            const lockFds = new Set<number>();
            const fileSystem = withFs({
                openSync: (f: string, ...rest: unknown[]) => {
                    const fd = (fs.openSync as (...args: unknown[]) => number)(f, ...rest);
                    if (f === lock) lockFds.add(fd);
                    return fd;
                },
                writeSync: (fd: number, ...rest: unknown[]) => {
                    if (lockFds.has(fd)) throw errno("ENOSPC");
                    return (fs.writeSync as (...args: unknown[]) => number)(fd, ...rest);
                },
                closeSync: (fd: number) => {
                    lockFds.delete(fd);
                    fs.closeSync(fd);
                },
            });
            const err = thrown(() => edit({ fileSystem }));
            assert.ok(err instanceof FileEditError, String(err));
            assert.equal(
                err.message,
                `cannot write ${DISPLAY}: no space left on the device (ENOSPC); the file was not changed`,
            );
            assert.equal(fs.readFileSync(file, "utf8"), OLD);
            assert.deepEqual(leftovers(), []);
        });

        it("that vanishes before it is read is tried again", () => {
            let first = true;
            const fileSystem = withFs({
                openSync: (f: string, ...rest: unknown[]) => {
                    if (f === lock && first) {
                        first = false;
                        throw errno("EEXIST");
                    }
                    return (fs.openSync as (...args: unknown[]) => number)(f, ...rest);
                },
            });
            edit({ fileSystem, lockTimeoutMs: 0 });
            assert.equal(fs.readFileSync(file, "utf8"), NEW);
            assert.deepEqual(leftovers(), []);
        });

        it("that cannot be read is a plain error naming the lock, and is left alone", () => {
            fs.writeFileSync(lock, `${process.pid} ${HOST} 2020-01-01T00:00:00.000Z ${ownStart()}\n`);
            let opens = 0;
            const fileSystem = withFs({
                openSync: (f: string, ...rest: unknown[]) => {
                    if (f === lock && ++opens > 20) throw new Looped();
                    return (fs.openSync as (...args: unknown[]) => number)(f, ...rest);
                },
                readFileSync: (f: string, ...rest: unknown[]) => {
                    if (f === lock) throw errno("EACCES");
                    return (fs.readFileSync as (...args: unknown[]) => unknown)(f, ...rest);
                },
            });
            const err = thrown(() => edit({ fileSystem }));
            assert.ok(err instanceof FileEditError, String(err));
            assert.equal(
                err.message,
                "cannot read Pulumi.x.yaml.lock: permission denied (EACCES); the file was not changed",
            );
            assert.ok(fs.existsSync(lock));
            assert.equal(fs.readFileSync(file, "utf8"), OLD);
        });

        it("left by a process that no longer runs is taken over, and nothing is left beside the file", () => {
            fs.writeFileSync(lock, `999999999 ${HOST} 2020-01-01T00:00:00.000Z boot:1\n`);
            edit({ lockTimeoutMs: 0 });
            assert.equal(fs.readFileSync(file, "utf8"), NEW);
            assert.deepEqual(leftovers(), []);
        });

        it("of a process that runs but may not be signalled (EPERM), whose start cannot be read, is honoured", () => {
            fs.writeFileSync(lock, `999999998 ${HOST} 2020-01-01T00:00:00.000Z boot:1\n`);
            const kill = process.kill;
            process.kill = ((pid: number, signal?: string | number) => {
                if (pid === 999_999_998) throw errno("EPERM");
                return kill.call(process, pid, signal);
            }) as typeof process.kill;
            try {
                const err = thrown(() => edit({ lockTimeoutMs: 0 }));
                assert.ok(err instanceof FileEditError, String(err));
                assert.equal(err.message, lockedMessage(`pid 999999998 on ${HOST}`, "2020-01-01T00:00:00.000Z"));
            } finally {
                process.kill = kill;
            }
            assert.equal(fs.readFileSync(file, "utf8"), OLD);
        });

        for (const [what, start] of [
            ["without a process start (an older lock)", ""],
            ["whose holder could not tell its start ('-')", " -"],
        ]) {
            it(`${what} is honoured while its process runs`, () => {
                fs.writeFileSync(lock, `${process.pid} ${HOST} 2020-01-01T00:00:00.000Z${start}\n`);
                const err = thrown(() => edit({ lockTimeoutMs: 0 }));
                assert.ok(err instanceof FileEditError, String(err));
                assert.equal(err.message, lockedMessage(`pid ${process.pid} on ${HOST}`, "2020-01-01T00:00:00.000Z"));
            });
        }

        it("from another host is honoured while fresh, though its PID does not run here, and taken over when old", () => {
            fs.writeFileSync(lock, "999999999 elsewhere 2020-01-01T00:00:00.000Z boot:1\n");
            const err = thrown(() => edit({ lockTimeoutMs: 0 }));
            assert.ok(err instanceof FileEditError, String(err));
            assert.equal(err.message, lockedMessage("pid 999999999 on elsewhere", "2020-01-01T00:00:00.000Z"));
            const old = new Date(Date.now() - 120_000);
            fs.utimesSync(lock, old, old);
            edit({ lockTimeoutMs: 0 });
            assert.equal(fs.readFileSync(file, "utf8"), NEW);
            assert.deepEqual(leftovers(), []);
        });

        it("whose owner cannot be asked is abandoned only when more than 60 s old", () => {
            fs.writeFileSync(lock, "999999999 elsewhere 2020-01-01T00:00:00.000Z boot:1\n");
            const now = 1_800_000_000_000;
            const at = (ageMs: number) => {
                let reads = 0;
                return withFs({
                    statSync: (f: string, ...rest: unknown[]) => {
                        if (f !== lock) return (fs.statSync as (...args: unknown[]) => unknown)(f, ...rest);
                        if (++reads > 5) throw new Looped();
                        return { mtimeMs: now - ageMs };
                    },
                });
            };
            const dateNow = Date.now;
            Date.now = () => now;
            try {
                const err = thrown(() => edit({ lockTimeoutMs: 0, fileSystem: at(60_000) }));
                assert.ok(err instanceof FileEditError, String(err));
                assert.match(err.message, /is locked by another edit/);
                edit({ lockTimeoutMs: 0, fileSystem: at(60_001) });
            } finally {
                Date.now = dateNow;
            }
            assert.equal(fs.readFileSync(file, "utf8"), NEW);
        });

        it("whose PID is not a number names an unknown process and is judged by its age, even on this host", () => {
            for (const pid of ["x123", "123x"]) {
                fs.writeFileSync(lock, `${pid} ${HOST} 2020-01-01T00:00:00.000Z\n`);
                const err = thrown(() => edit({ lockTimeoutMs: 0 }));
                assert.ok(err instanceof FileEditError, String(err));
                assert.equal(err.message, lockedMessage("an unknown process", "2020-01-01T00:00:00.000Z"), pid);
            }
        });

        it("that names no host or time says '?' for them", () => {
            fs.writeFileSync(lock, "123\n");
            const err = thrown(() => edit({ lockTimeoutMs: 0 }));
            assert.ok(err instanceof FileEditError, String(err));
            assert.equal(err.message, lockedMessage("pid 123 on ?", "?"));
        });

        it("is waited for and taken when its holder releases it within the timeout", () => {
            fs.writeFileSync(lock, `${process.pid} ${HOST} 2020-01-01T00:00:00.000Z ${ownStart()}\n`);
            let reads = 0;
            const fileSystem = withFs({
                readFileSync: (f: string, ...rest: unknown[]) => {
                    if (f === lock && ++reads === 3) fs.unlinkSync(lock);
                    return (fs.readFileSync as (...args: unknown[]) => unknown)(f, ...rest);
                },
            });
            edit({ fileSystem, lockTimeoutMs: 10_000 });
            assert.equal(reads, 3);
            assert.equal(fs.readFileSync(file, "utf8"), NEW);
        });

        it("is waited for as long as lockTimeoutMs says, and a timeout of 0 gives up at the first look", () => {
            fs.writeFileSync(lock, `${process.pid} ${HOST} 2020-01-01T00:00:00.000Z ${ownStart()}\n`);
            const counting = () => {
                const seen = { reads: 0 };
                const fileSystem = withFs({
                    readFileSync: (f: string, ...rest: unknown[]) => {
                        if (f === lock && ++seen.reads > 20) throw new Looped();
                        return (fs.readFileSync as (...args: unknown[]) => unknown)(f, ...rest);
                    },
                });
                return { seen, fileSystem };
            };
            const short = counting();
            assert.ok(thrown(() => edit({ fileSystem: short.fileSystem, lockTimeoutMs: 1 })) instanceof FileEditError);
            const dateNow = Date.now;
            const now = Date.now();
            Date.now = () => now;
            const none = counting();
            try {
                assert.ok(
                    thrown(() => edit({ fileSystem: none.fileSystem, lockTimeoutMs: 0 })) instanceof FileEditError,
                );
            } finally {
                Date.now = dateNow;
            }
            assert.equal(none.seen.reads, 1);
        });

        it("that another run took just before the takeover is put back, not removed", () => {
            fs.writeFileSync(lock, `999999999 ${HOST} 2020-01-01T00:00:00.000Z boot:1\n`);
            const live = `${process.pid} ${HOST} 2020-01-02T00:00:00.000Z ${ownStart()}\n`;
            let raced = false;
            const fileSystem = withFs({
                renameSync: (from: string, to: string) => {
                    if (from === lock && !raced) {
                        raced = true;
                        fs.writeFileSync(lock, live); // the dead holder's lock was replaced meanwhile
                    }
                    fs.renameSync(from, to);
                },
            });
            const err = thrown(() => edit({ fileSystem, lockTimeoutMs: 0 }));
            assert.ok(err instanceof FileEditError, String(err));
            assert.equal(err.message, lockedMessage(`pid ${process.pid} on ${HOST}`, "2020-01-02T00:00:00.000Z"));
            assert.equal(fs.readFileSync(lock, "utf8"), live);
            assert.deepEqual(leftovers(), ["Pulumi.x.yaml.lock"]);
            assert.equal(fs.readFileSync(file, "utf8"), OLD);
        });
    });

    describe("the write", () => {
        const sameOwnerWithChownRefused = () =>
            withFs({
                fchownSync: () => {
                    throw errno("EPERM");
                },
            });
        /** The target as if owned by another uid or gid; chown of the copy to it fails or succeeds as asked. */
        const otherOwner = (which: "uid" | "gid", chown: "refused" | "given") =>
            withFs({
                statSync: (f: string, ...rest: unknown[]) => {
                    const stats = (fs.statSync as (...args: unknown[]) => fs.Stats)(f, ...rest);
                    if (f !== file) return stats;
                    return Object.assign(Object.create(Object.getPrototypeOf(stats)), stats, {
                        [which]: stats[which] + 1,
                    });
                },
                fchownSync: () => {
                    if (chown === "refused") throw errno("EPERM");
                },
            });

        it("replaces a single-link file by rename (a new inode) with its mode, leaving nothing behind", () => {
            fs.chmodSync(file, 0o640);
            const inode = fs.statSync(file).ino;
            edit();
            const after = fs.statSync(file);
            assert.notEqual(after.ino, inode);
            assert.equal(after.mode & 0o777, 0o640);
            assert.equal(fs.readFileSync(file, "utf8"), NEW);
            assert.deepEqual(leftovers(), []);
        });

        it("renames a copy that already has the target's owner, where chown would be refused", () => {
            const inode = fs.statSync(file).ino;
            edit({ fileSystem: sameOwnerWithChownRefused() });
            assert.notEqual(fs.statSync(file).ino, inode);
            assert.equal(fs.readFileSync(file, "utf8"), NEW);
        });

        for (const which of ["uid", "gid"] as const) {
            it(`rewrites in place a target of another ${which} that the copy cannot be given`, () => {
                const inode = fs.statSync(file).ino;
                edit({ fileSystem: otherOwner(which, "refused") });
                assert.equal(fs.statSync(file).ino, inode);
                assert.equal(fs.readFileSync(file, "utf8"), NEW);
                assert.deepEqual(leftovers(), []);
            });
        }

        it("renames a copy that could be given the target's other owner", () => {
            const inode = fs.statSync(file).ino;
            edit({ fileSystem: otherOwner("uid", "given") });
            assert.notEqual(fs.statSync(file).ino, inode);
            assert.equal(fs.readFileSync(file, "utf8"), NEW);
        });

        it("rewrites a hard-linked file in place (same inode, both names see the shorter text), leaving nothing", () => {
            const twin = path.join(dir, "twin.yaml");
            fs.linkSync(file, twin);
            const inode = fs.statSync(file).ino;
            edit();
            assert.equal(fs.statSync(file).ino, inode);
            assert.equal(fs.statSync(file).nlink, 2);
            assert.equal(fs.readFileSync(twin, "utf8"), NEW);
            assert.deepEqual(leftovers(), ["twin.yaml"]);
        });

        it("continues a short write until every byte is written, by rename and in place", () => {
            const fileSystem = withFs({
                writeSync: (fd: number, data: unknown, ...rest: unknown[]) => {
                    if (!Buffer.isBuffer(data)) return (fs.writeSync as (...a: unknown[]) => number)(fd, data, ...rest);
                    const [offset, length, position] = rest as [number, number, number];
                    return fs.writeSync(fd, data, offset, Math.min(length, 5), position);
                },
            });
            const text = "config:\n  a: a longer value than five bytes\n";
            edit({ fileSystem }, text);
            assert.equal(fs.readFileSync(file, "utf8"), text);
            fs.linkSync(file, path.join(dir, "twin.yaml"));
            edit({ fileSystem }, NEW);
            assert.equal(fs.readFileSync(file, "utf8"), NEW);
        });

        /** A hard-linked target (so the in-place path) whose writes fail after `good` bytes of the first write. */
        const failingInPlace = (restoreFails: boolean) => {
            fs.linkSync(file, path.join(dir, "twin.yaml"));
            const inPlace = new Set<number>();
            let failed = false;
            return withFs({
                openSync: (f: string, flags: string, ...rest: unknown[]) => {
                    const fd = (fs.openSync as (...args: unknown[]) => number)(f, flags, ...rest);
                    if (f === file && flags === "r+") inPlace.add(fd);
                    return fd;
                },
                writeSync: (fd: number, data: Buffer, ...rest: unknown[]) => {
                    if (inPlace.has(fd) && (!failed || restoreFails)) {
                        if (!failed) fs.writeSync(fd, data, 0, 5, 0);
                        failed = true;
                        throw errno("ENOSPC");
                    }
                    return (fs.writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
                },
            });
        };

        it("puts the old bytes back when an in-place write fails, and says the file was not changed", () => {
            const err = thrown(() => edit({ fileSystem: failingInPlace(false) }));
            assert.ok(err instanceof FileEditError, String(err));
            assert.equal(
                err.message,
                `cannot write ${DISPLAY}: no space left on the device (ENOSPC); the file was not changed`,
            );
            assert.equal(fs.readFileSync(file, "utf8"), OLD);
            assert.deepEqual(leftovers(), ["twin.yaml"]);
        });

        it("says the file may be damaged and keeps the intended text beside it when the old bytes cannot be put back", () => {
            const err = thrown(() => edit({ fileSystem: failingInPlace(true) }));
            assert.ok(err instanceof FileEditError, String(err));
            const kept = leftovers().filter((name) => name !== "twin.yaml");
            assert.equal(kept.length, 1);
            assert.match(kept[0], /^Pulumi\.x\.yaml\.\d+\.[0-9a-f]{8}\.tmp$/);
            assert.equal(
                err.message,
                `cannot write ${DISPLAY}: no space left on the device (ENOSPC); it may be damaged; the intended text is in ${kept[0]}`,
            );
            assert.equal(fs.readFileSync(path.join(dir, kept[0]), "utf8"), NEW);
        });

        it("reports a failed rename plainly, the file unchanged and the temporary file removed", () => {
            const fileSystem = withFs({
                renameSync: (from: string, to: string) => {
                    if (from.endsWith(".tmp")) throw errno("EIO");
                    fs.renameSync(from, to);
                },
            });
            const err = thrown(() => edit({ fileSystem }));
            assert.ok(err instanceof FileEditError, String(err));
            assert.equal(err.message, `cannot write ${DISPLAY}: input/output error (EIO); the file was not changed`);
            assert.equal(fs.readFileSync(file, "utf8"), OLD);
            assert.deepEqual(leftovers(), []);
        });

        it("syncs the folder after a rename and closes every descriptor it opened, by rename and in place", () => {
            const open = new Map<number, string>();
            const synced: string[] = [];
            const fileSystem = withFs({
                openSync: (f: string, flags: string, ...rest: unknown[]) => {
                    const fd = (fs.openSync as (...args: unknown[]) => number)(f, flags, ...rest);
                    open.set(fd, `${f} ${flags}`);
                    return fd;
                },
                fsyncSync: (fd: number) => {
                    synced.push(open.get(fd) ?? "?");
                    fs.fsyncSync(fd);
                },
                closeSync: (fd: number) => {
                    open.delete(fd);
                    fs.closeSync(fd);
                },
            });
            edit({ fileSystem });
            assert.ok(synced.includes(`${dir} r`), synced.join(", "));
            assert.deepEqual([...open.values()], []);
            fs.linkSync(file, path.join(dir, "twin.yaml"));
            edit({ fileSystem }, OLD);
            assert.equal(fs.readFileSync(file, "utf8"), OLD);
            assert.deepEqual([...open.values()], []);
        });

        it("refuses a file without write bits, even where access would allow it (root), naming the mode", () => {
            fs.chmodSync(file, 0o444);
            const err = thrown(() => edit());
            assert.ok(err instanceof FileEditError, String(err));
            assert.equal(err.message, `cannot write ${DISPLAY}: it is read-only (mode 0444); make it writable first`);
            assert.equal(fs.readFileSync(file, "utf8"), OLD);
            assert.deepEqual(leftovers(), []);
        });

        it("refuses a file the process may not write (the access check) with a plain error", () => {
            const fileSystem = withFs({
                accessSync: () => {
                    throw errno("EACCES");
                },
            });
            const err = thrown(() => edit({ fileSystem }));
            assert.ok(err instanceof FileEditError, String(err));
            assert.equal(err.message, `cannot write ${DISPLAY}: permission denied (EACCES); the file was not changed`);
            assert.equal(fs.readFileSync(file, "utf8"), OLD);
            assert.deepEqual(leftovers(), []);
        });
    });
});
