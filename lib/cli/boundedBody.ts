// Reads a response body up to a size cap: a server that sends without end (or a multi-GB "error page") costs at most
// the cap in memory, and the read stops as soon as the cap is passed.

/** Enough for any answer the gate and the tools read (a page of 100 GitHub statuses is about 100 KiB). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLarge extends Error {
    constructor(readonly limitBytes: number) {
        super(`response body is larger than ${formatBytes(limitBytes)} (stopped reading)`);
        this.name = "BodyTooLarge";
    }
}

/** `64 KiB`, `1 MiB`, `1500 bytes`. */
export function formatBytes(bytes: number): string {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
    if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
    return `${bytes} bytes`;
}

/**
 * The body as UTF-8 text, or BodyTooLarge once more than `maxBytes` arrived (or were announced by Content-Length);
 * the rest of the stream is cancelled, so the connection is not kept draining.
 */
export async function readBoundedText(response: Response, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<string> {
    const announced = Number(response.headers.get("content-length"));
    if (response.body === null) return "";
    if (Number.isFinite(announced) && announced > maxBytes) {
        await response.body.cancel().catch(() => undefined);
        throw new BodyTooLarge(maxBytes);
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder("utf-8");
    let text = "";
    let received = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done) return text + decoder.decode();
        received += value.byteLength;
        if (received > maxBytes) {
            await reader.cancel().catch(() => undefined);
            throw new BodyTooLarge(maxBytes);
        }
        text += decoder.decode(value, { stream: true });
    }
}
