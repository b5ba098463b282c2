import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";

// The README is short and points into docs/ for the rest, so a moved section or a renamed heading would leave a link
// that leads nowhere. Every relative link of README.md and docs/*.md must name a file of the repository and, with a
// #fragment, a heading of that file, by GitHub's anchor rule.
const ROOT = path.resolve(__dirname, "..", "..");

export function documents(): string[] {
    const docs = fs
        .readdirSync(path.join(ROOT, "docs"))
        .filter((name) => name.endsWith(".md"))
        .map((name) => path.join("docs", name));
    return ["README.md", ...docs.sort()];
}

/** The text outside fenced code blocks and inline code spans: neither holds links or headings GitHub renders. */
function prose(markdown: string): string[] {
    const lines: string[] = [];
    let fence: string | undefined;
    for (const line of markdown.split("\n")) {
        const marker = /^\s*(```+|~~~+)/.exec(line)?.[1];
        if (marker !== undefined && (fence === undefined || marker.startsWith(fence))) {
            fence = fence === undefined ? marker : undefined;
            lines.push("");
            continue;
        }
        lines.push(
            fence === undefined ? line.replace(/(`+)[\s\S]*?\1/g, (code) => code.replace(/[[\]()#]/g, " ")) : "",
        );
    }
    return lines;
}

/**
 * GitHub's anchor of a heading: the rendered text in lower case, every character that is not a letter, a digit, a
 * space, `-` or `_` dropped, each space turned into `-`; a repeated anchor gets `-1`, `-2`, ...
 */
export function anchorsOf(markdown: string): Set<string> {
    const anchors = new Set<string>();
    const seen = new Map<string, number>();
    let fence: string | undefined;
    for (const line of markdown.split("\n")) {
        const marker = /^\s*(```+|~~~+)/.exec(line)?.[1];
        if (marker !== undefined && (fence === undefined || marker.startsWith(fence))) {
            fence = fence === undefined ? marker : undefined;
            continue;
        }
        if (fence !== undefined) continue;
        const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
        if (!heading) continue;
        const text = heading[1]
            .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
            .replace(/<[^>]+>/g, "")
            .toLowerCase();
        const base = text.replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
        const count = seen.get(base) ?? 0;
        seen.set(base, count + 1);
        anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    return anchors;
}

interface Link {
    file: string;
    line: number;
    target: string;
}

function linksOf(file: string): Link[] {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    return prose(text).flatMap((line, index) =>
        [...line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => ({
            file,
            line: index + 1,
            target: m[1],
        })),
    );
}

describe("links in README.md and docs/*.md", () => {
    it("computes GitHub's anchors", () => {
        const anchors = anchorsOf(
            "# Adopting today's demo\n## The e2e gate: `npm run e2e`\n```sh\n# not a heading\n```\n## Flags\n### Flags\n",
        );
        assert.deepEqual([...anchors], ["adopting-todays-demo", "the-e2e-gate-npm-run-e2e", "flags", "flags-1"]);
    });

    it("every relative link names an existing file and, with a #fragment, an existing heading", () => {
        const broken: string[] = [];
        let relative = 0;
        for (const file of documents()) {
            for (const link of linksOf(file)) {
                if (/^[a-z][a-z0-9+.-]*:/i.test(link.target)) continue; // https:, mailto:
                relative++;
                const where = `${link.file}:${link.line}: ${link.target}`;
                if (link.target.startsWith("/")) {
                    broken.push(`${where} (absolute: links must be relative)`);
                    continue;
                }
                const [pathPart, fragment] = link.target.split("#", 2) as [string, string | undefined];
                const target =
                    pathPart === "" ? path.join(ROOT, file) : path.resolve(ROOT, path.dirname(file), pathPart);
                if (path.relative(ROOT, target).startsWith("..") || !fs.existsSync(target)) {
                    broken.push(`${where} (no such file in the repository)`);
                    continue;
                }
                if (fragment === undefined) continue;
                if (!target.endsWith(".md")) {
                    broken.push(`${where} (a #fragment on a file that is not Markdown)`);
                    continue;
                }
                if (!anchorsOf(fs.readFileSync(target, "utf8")).has(decodeURIComponent(fragment))) {
                    broken.push(`${where} (no heading with that anchor)`);
                }
            }
        }
        assert.ok(relative > 0, "the documents link to each other");
        assert.deepEqual(broken, []);
    });
});
