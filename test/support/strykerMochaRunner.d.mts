// Types of the pure helpers of strykerMochaRunner.mjs (plain JavaScript: Stryker loads it as a plugin), for their tests.
export function collectTestFiles(
    root: string,
    settings: { spec?: string[]; exclude?: string[]; suffix?: string },
): string[];
export function meanTimePerFile(tests: { fileName: string; timeSpentMs: number }[]): Record<string, number>;
export function quickestFilesFirst<Suite extends { file?: string }>(
    suites: Suite[],
    meanTimes: Record<string, number>,
): Suite[];
