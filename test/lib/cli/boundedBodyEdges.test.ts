// The body cap's edges: sizes as the messages word them, a Content-Length over the cap refused before any byte is
// read, and a character split across chunks.
import { strict as assert } from "node:assert";
import { BodyTooLarge, formatBytes, readBoundedText } from "../../../lib/cli/boundedBody";

/** A response whose body is the given chunks, then (if `hang`) a stream that never sends another byte. */
function response(chunks: Uint8Array[], headers: Record<string, string> = {}, hang = false): Response {
    const body = new ReadableStream<Uint8Array>({
        start(controller) {
            for (const chunk of chunks) controller.enqueue(chunk);
            if (!hang) controller.close();
        },
    });
    return new Response(body, { headers });
}

describe("lib/cli/boundedBody, at its edges", () => {
    it("words a size in MiB or KiB only when it is a whole number of them", () => {
        const cases: Array<[number, string]> = [
            [0, "0 bytes"],
            [512, "512 bytes"],
            [1024, "1 KiB"],
            [1536, "1536 bytes"],
            [64 * 1024, "64 KiB"],
            [1024 * 1024, "1 MiB"],
            [1024 * 1024 + 1024, "1025 KiB"],
            [3 * 1024 * 1024, "3 MiB"],
            [1024 * 1024 + 1, "1048577 bytes"],
        ];
        for (const [bytes, words] of cases) assert.equal(formatBytes(bytes), words, String(bytes));
    });

    it("refuses a body whose Content-Length is over the cap without waiting for a byte of it", async () => {
        const never = response([], { "content-length": "5000" }, true);
        const outcome = await Promise.race([
            readBoundedText(never, 100).then(
                () => "read",
                (err: unknown) => err,
            ),
            new Promise((resolve) => setTimeout(() => resolve("still waiting"), 1_000).unref()),
        ]);
        assert.ok(outcome instanceof BodyTooLarge, String(outcome));
        assert.equal(outcome.message, "response body is larger than 100 bytes (stopped reading)");
    });

    it("reads a response without a body as empty text", async () => {
        assert.equal(await readBoundedText(new Response(null, { status: 204 })), "");
    });

    it("decodes a character whose bytes arrive in two chunks", async () => {
        const [first, second] = [Uint8Array.of(0x61, 0xc3), Uint8Array.of(0xa9, 0x62)];
        assert.equal(await readBoundedText(response([first, second])), "aéb");
    });
});
