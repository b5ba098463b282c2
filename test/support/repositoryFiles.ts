import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "./commands";

/** Every file of the repository whose name ends with `suffix`, outside node_modules and dot folders (.git, .cache). */
export function repositoryFiles(suffix: string, dir: string = REPO_ROOT): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        if (entry.name === "node_modules" || entry.name.startsWith(".")) return [];
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return repositoryFiles(suffix, full);
        return entry.name.endsWith(suffix) ? [full] : [];
    });
}
