// `--out <dir>`: the plan's Kubernetes manifests, and nothing else, in a folder. The folder is replaced whole: the new
// manifests are written into a fresh folder beside it and renamed into place, so no manifest of an earlier run
// survives beside the new ones and no write follows a symbolic link an attacker or a mistake left there. A folder the
// plan did not write (it lacks the plan's list, or holds a file not on it) is refused, never cleared.
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/** The list of files a plan wrote, kept in the folder so that the next plan knows what it may replace. */
export const WRITTEN_LIST = ".serviceradar-plan-files";

function refuse(out: string, why: string): never {
    throw new Error(`--out ${JSON.stringify(out)} ${why}; choose a new or empty folder, or one an earlier plan wrote`);
}

/** Whether an existing --out may be replaced: empty, or holding only files an earlier plan listed. */
function checkReplaceable(out: string): void {
    let stat: fs.Stats;
    try {
        stat = fs.lstatSync(out);
    } catch {
        return; // does not exist yet
    }
    if (stat.isSymbolicLink()) refuse(out, "is a symbolic link");
    if (!stat.isDirectory()) refuse(out, "is not a folder");
    const present = fs.readdirSync(out);
    if (present.length === 0) return;
    if (!present.includes(WRITTEN_LIST)) refuse(out, "holds files the plan did not write");
    const listed = new Set(fs.readFileSync(path.join(out, WRITTEN_LIST), "utf8").split("\n").filter(Boolean));
    const foreign = present.find(
        (name) => name !== WRITTEN_LIST && (!listed.has(name) || !fs.lstatSync(path.join(out, name)).isFile()),
    );
    if (foreign !== undefined) refuse(out, `holds ${JSON.stringify(foreign)}, which the plan did not write`);
}

/** Writes `manifests` (file name to text) as the whole content of `out`, replacing what an earlier plan wrote. */
export function writeManifests(out: string, manifests: ReadonlyMap<string, string>): void {
    checkReplaceable(out);
    const parent = path.dirname(path.resolve(out));
    fs.mkdirSync(parent, { recursive: true });
    const fresh = fs.mkdtempSync(path.join(parent, `.${path.basename(out)}.plan-`));
    try {
        fs.chmodSync(fresh, 0o755 & ~process.umask()); // mkdtemp's 0700 would hide the manifests from CI's uploader
        for (const [file, text] of manifests) {
            if (path.basename(file) !== file || file === WRITTEN_LIST)
                throw new Error(`unexpected manifest name ${file}`);
            fs.writeFileSync(path.join(fresh, file), text, { flag: "wx" });
        }
        fs.writeFileSync(path.join(fresh, WRITTEN_LIST), [...manifests.keys()].map((file) => `${file}\n`).join(""));
        const old = `${fresh}.old-${randomBytes(4).toString("hex")}`;
        const existed = fs.existsSync(out);
        if (existed) fs.renameSync(out, old);
        fs.renameSync(fresh, out);
        if (existed) fs.rmSync(old, { recursive: true, force: true });
    } catch (err) {
        fs.rmSync(fresh, { recursive: true, force: true });
        throw err;
    }
}
