// Edits of a file that people, CI jobs and concurrent tool runs share (the stack files): one edit at a time, never a
// half-written file, and the file stays the same file to everything that knows it.
//
// - Lock: `<real file>.lock`, created with O_CREAT|O_EXCL and holding "pid host time start". A lock whose process no
//   longer runs on this host, or whose PID now belongs to a process that started at another time (processStart: the
//   PID was reused), or, from another host or unreadable, older than STALE_LOCK_MS, is taken over; otherwise the
//   edit waits up to lockTimeoutMs and then fails saying who holds it. The text is read, judged and written inside
//   the lock, so concurrent runs are serialised and none works from a stale read.
// - Symlinks are followed: the real target is locked and written, the link stays.
// - Write: the new text always goes to a temporary file beside the target first (so a full disk or a read-only folder
//   fails before the target is touched), with the target's mode and owner. When the target has a single link and the
//   temporary file could be given its owner, the temporary file is renamed over it: atomic, a crash leaves the old
//   or the new file, never a mix. Otherwise (hard links, or an owner this process cannot give) the target is
//   rewritten in place so its inode, links and owner survive; that path is not crash-atomic, and if it fails the old
//   bytes are written back. Extended attributes and ACLs survive only the in-place path.
// - Text shape: a byte-order mark and CRLF line ends are kept (callers edit LF text without the mark).
// - Failures are one plain line (FileEditError); nothing is left behind (lock, temporary file) on any path.

import { randomBytes } from "node:crypto";
import * as nodeFs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The file-system calls an edit makes; tests pass a copy of node:fs with one call failing. */
export type FileSystem = typeof nodeFs;

export interface LockedEditOptions {
    /** How long to wait for another edit of the same file (default 10 s). */
    lockTimeoutMs?: number;
    fileSystem?: FileSystem;
}

/** An edit that could not be made; the message is one line and says whether the file changed. */
export class FileEditError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "FileEditError";
    }
}

const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
const LOCK_POLL_MS = 20;
/** An edit takes milliseconds; a lock this old whose owner cannot be asked is abandoned. */
const STALE_LOCK_MS = 60_000;

const ERRNO_WORDS: Record<string, string> = {
    ENOSPC: "no space left on the device",
    EDQUOT: "disk quota exceeded",
    EROFS: "the file system is read-only",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EBUSY: "the file is busy",
    EISDIR: "it is a directory",
    ENOENT: "it does not exist",
    ELOOP: "too many levels of symbolic links",
    EIO: "input/output error",
    EMFILE: "too many open files",
};

export interface TextShape {
    bom: boolean;
    lineEnds: "lf" | "crlf" | "mixed";
}

/** The text to edit (LF line ends, no byte-order mark) and the shape to give it back when writing. */
export function decodeText(raw: string): { text: string; shape: TextShape } {
    const bom = raw.startsWith("\uFEFF");
    const body = bom ? raw.slice(1) : raw;
    const crlf = (body.match(/\r\n/g) ?? []).length;
    const lf = (body.match(/\n/g) ?? []).length;
    const lineEnds = crlf === 0 ? "lf" : crlf === lf ? "crlf" : "mixed";
    return { text: body.replace(/\r\n/g, "\n"), shape: { bom, lineEnds } };
}

export function encodeText(text: string, shape: TextShape): string {
    return `${shape.bom ? "\uFEFF" : ""}${shape.lineEnds === "crlf" ? text.replace(/\n/g, "\r\n") : text}`;
}

function errnoCode(err: unknown): string | undefined {
    const code = (err as NodeJS.ErrnoException | null)?.code;
    return typeof code === "string" ? code : undefined;
}

/** The in-place rewrite failed and the old bytes could not be put back: the intended text is kept beside it. */
class DamagedFile extends FileEditError {}

/** A plain one-line error for a failed file-system call; anything that is not one is a bug and is returned as is. */
function fileError(display: string, err: unknown, verb = "write", outcome = "the file was not changed"): Error {
    const code = errnoCode(err);
    if (code === undefined) return err instanceof Error ? err : new Error(String(err));
    return new FileEditError(
        `cannot ${verb} ${display}: ${ERRNO_WORDS[code] ?? "unexpected error"} (${code}); ${outcome}`,
    );
}

function unlinkQuietly(fsys: FileSystem, file: string): void {
    try {
        fsys.unlinkSync(file);
    } catch {
        // Already gone, or never created.
    }
}

function sleepSync(ms: number): void {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

interface LockHolder {
    text: string;
    pid?: number;
    host?: string;
    since?: string;
    /** The holder's process start (processStart), when it was recorded. */
    start?: string;
    ageMs: number;
}

/**
 * When a process started, as `<boot id>:<start time in clock ticks since boot>` from /proc (Linux), or undefined
 * where that cannot be read. A PID is reused once its process is gone; the same PID with another start is another
 * process, so a lock it seems to hold is stale.
 */
export function processStart(pid: number): string | undefined {
    try {
        const bootId = nodeFs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
        const stat = nodeFs.readFileSync(`/proc/${pid}/stat`, "utf8");
        // Fields after the command name, which is in parentheses and may itself hold spaces or parentheses.
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const startTicks = fields[19]; // field 22 of proc(5), the third after the name being field 3
        return /^\d+$/.test(startTicks ?? "") && bootId !== "" ? `${bootId}:${startTicks}` : undefined;
    } catch {
        return undefined;
    }
}

function readHolder(fsys: FileSystem, lock: string): LockHolder | undefined {
    try {
        const text = fsys.readFileSync(lock, "utf8");
        const ageMs = Date.now() - fsys.statSync(lock).mtimeMs;
        const [pid, host, since, start] = text.trim().split(" ");
        return { text, pid: /^\d+$/.test(pid ?? "") ? Number(pid) : undefined, host, since, start, ageMs };
    } catch (err) {
        if (errnoCode(err) === "ENOENT") return undefined;
        throw fileError(path.basename(lock), err, "read");
    }
}

function processRuns(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (err) {
        return errnoCode(err) === "EPERM";
    }
}

function isStale(holder: LockHolder): boolean {
    if (holder.pid !== undefined && holder.host === os.hostname()) {
        if (!processRuns(holder.pid)) return true;
        // Alive, but perhaps a later process that was given the holder's PID: compare when each started.
        const now = processStart(holder.pid);
        return holder.start !== undefined && holder.start !== "-" && now !== undefined && now !== holder.start;
    }
    return holder.ageMs > STALE_LOCK_MS;
}

/**
 * Removes a stale lock without ever removing a live one: the lock is first renamed aside (only one taker wins the
 * rename); if what was moved is not the stale lock that was judged (its owner finished and another run locked in
 * between), it is linked back. The remaining race (a third run locking in that instant) needs three runs within
 * microseconds on an abandoned lock.
 */
function takeOver(fsys: FileSystem, lock: string, judged: string): void {
    const aside = `${lock}.${process.pid}.${randomBytes(4).toString("hex")}.stale`;
    try {
        fsys.renameSync(lock, aside);
    } catch {
        return;
    }
    try {
        if (fsys.readFileSync(aside, "utf8") !== judged) fsys.linkSync(aside, lock);
    } catch {
        // The lock path was taken meanwhile: that run holds the lock now.
    } finally {
        unlinkQuietly(fsys, aside);
    }
}

function lockedMessage(display: string, lock: string, holder: LockHolder): string {
    const who = holder.pid === undefined ? "an unknown process" : `pid ${holder.pid} on ${holder.host ?? "?"}`;
    return (
        `${display} is locked by another edit (${who} since ${holder.since ?? "?"}); try again when it is done, ` +
        `or delete ${path.basename(lock)} if no release or promote is running`
    );
}

/** Takes the lock of `real`, waiting up to `timeoutMs`; returns the function that releases it. */
function acquireLock(fsys: FileSystem, real: string, display: string, timeoutMs: number): () => void {
    const lock = `${real}.lock`;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        let fd: number;
        try {
            fd = fsys.openSync(lock, "wx", 0o644);
        } catch (err) {
            if (errnoCode(err) !== "EEXIST") throw fileError(display, err);
            const holder = readHolder(fsys, lock);
            if (holder === undefined) continue;
            if (isStale(holder)) {
                takeOver(fsys, lock, holder.text);
                continue;
            }
            if (Date.now() >= deadline) throw new FileEditError(lockedMessage(display, lock, holder));
            sleepSync(LOCK_POLL_MS);
            continue;
        }
        try {
            const start = processStart(process.pid) ?? "-";
            fsys.writeSync(fd, `${process.pid} ${os.hostname()} ${new Date().toISOString()} ${start}\n`);
        } catch (err) {
            fsys.closeSync(fd);
            unlinkQuietly(fsys, lock);
            throw fileError(display, err);
        }
        fsys.closeSync(fd);
        return () => unlinkQuietly(fsys, lock);
    }
}

function writeAll(fsys: FileSystem, fd: number, data: Buffer): void {
    for (let done = 0; done < data.length;) done += fsys.writeSync(fd, data, done, data.length - done, done);
}

/**
 * Writes the temporary copy with the target's mode and, where this process may, its owner. Returns whether the copy
 * has the target's owner (only then may it replace the target by rename).
 */
function writeCopy(fsys: FileSystem, temp: string, data: Buffer, target: nodeFs.Stats): boolean {
    const fd = fsys.openSync(temp, "wx", 0o600);
    try {
        writeAll(fsys, fd, data);
        const copy = fsys.fstatSync(fd);
        let owned = copy.uid === target.uid && copy.gid === target.gid;
        if (!owned) {
            try {
                fsys.fchownSync(fd, target.uid, target.gid);
                owned = true;
            } catch {
                owned = false;
            }
        }
        // After chown, which clears set-id bits.
        fsys.fchmodSync(fd, target.mode & 0o7777);
        fsys.fsyncSync(fd);
        return owned;
    } finally {
        fsys.closeSync(fd);
    }
}

/** Rewrites the target's own inode; on failure puts the old bytes back. Throws whether or not that worked. */
function overwriteInPlace(
    fsys: FileSystem,
    real: string,
    display: string,
    data: Buffer,
    old: Buffer,
    temp: string,
): void {
    const fd = fsys.openSync(real, "r+");
    try {
        writeAll(fsys, fd, data);
        fsys.ftruncateSync(fd, data.length);
        fsys.fsyncSync(fd);
    } catch (err) {
        try {
            writeAll(fsys, fd, old);
            fsys.ftruncateSync(fd, old.length);
        } catch {
            const outcome = `it may be damaged; the intended text is in ${path.basename(temp)}`;
            throw new DamagedFile(fileError(display, err, "write", outcome).message);
        }
        throw fileError(display, err);
    } finally {
        fsys.closeSync(fd);
    }
}

function syncFolder(fsys: FileSystem, folder: string): void {
    try {
        const fd = fsys.openSync(folder, "r");
        try {
            fsys.fsyncSync(fd);
        } finally {
            fsys.closeSync(fd);
        }
    } catch {
        // Some file systems cannot sync a folder; the rename itself is still atomic.
    }
}

function replaceText(fsys: FileSystem, real: string, display: string, text: string, old: string): void {
    const target = fsys.statSync(real);
    if ((target.mode & 0o222) === 0) {
        const mode = (target.mode & 0o777).toString(8).padStart(4, "0");
        throw new FileEditError(`cannot write ${display}: it is read-only (mode ${mode}); make it writable first`);
    }
    try {
        fsys.accessSync(real, nodeFs.constants.W_OK);
    } catch (err) {
        throw fileError(display, err);
    }
    const temp = `${real}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    const data = Buffer.from(text, "utf8");
    let keepTemp = false;
    try {
        const owned = writeCopy(fsys, temp, data, target);
        if (target.nlink === 1 && owned) {
            fsys.renameSync(temp, real);
            syncFolder(fsys, path.dirname(real));
        } else {
            overwriteInPlace(fsys, real, display, data, Buffer.from(old, "utf8"), temp);
        }
    } catch (err) {
        keepTemp = err instanceof DamagedFile;
        throw err instanceof FileEditError ? err : fileError(display, err);
    } finally {
        if (!keepTemp) unlinkQuietly(fsys, temp);
    }
}

/**
 * Edits `file` under its lock: `decide` gets the current text (LF line ends, no byte-order mark) and returns the new
 * text, or undefined to leave the file alone. Errors thrown by `decide` pass through, with the lock released.
 */
export function editLocked(
    file: string,
    display: string,
    decide: (text: string) => string | undefined,
    options: LockedEditOptions = {},
): void {
    const fsys = options.fileSystem ?? nodeFs;
    let real: string;
    try {
        real = fsys.realpathSync(file);
    } catch (err) {
        throw fileError(display, err, "find");
    }
    const release = acquireLock(fsys, real, display, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS);
    try {
        let raw: string;
        try {
            raw = fsys.readFileSync(real, "utf8");
        } catch (err) {
            throw fileError(display, err, "read");
        }
        const { text, shape } = decodeText(raw);
        const next = decide(text);
        if (next === undefined || next === text) return;
        if (shape.lineEnds === "mixed") {
            throw new FileEditError(`${display} mixes CRLF and LF line ends; make them one kind before editing it`);
        }
        replaceText(fsys, real, display, encodeText(next, shape), raw);
    } finally {
        release();
    }
}
