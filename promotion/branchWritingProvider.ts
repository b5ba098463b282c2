/**
 * The dynamic-provider shape both of the program's git writers share (the DRY commit and each environment's
 * hydration): a change of where they write replaces, a change of what they write updates in place, and nothing is
 * ever deleted from git. Serialized into Pulumi's dynamic-provider host with its users, so it loads no library.
 */
import type * as pulumi from "@pulumi/pulumi";

export interface BranchWriter<State> {
    /** Writes the branch and returns the state with its outputs. */
    write(inputs: State): Promise<State>;
    /** The resource id: where it writes. */
    id(inputs: State): string;
    /** Inputs naming where it writes: a change is a replace. */
    location: readonly (keyof State)[];
    /** What it writes, compared as JSON: a change is an update. */
    content(state: State): unknown;
}

export function branchWritingProvider<State>(writer: BranchWriter<State>): pulumi.dynamic.ResourceProvider {
    return {
        async diff(_id: string, olds: State, news: State) {
            const replaces = writer.location.filter((key) => olds[key] !== news[key]).map(String);
            const changed = JSON.stringify(writer.content(olds)) !== JSON.stringify(writer.content(news));
            return { changes: changed || replaces.length > 0, replaces, deleteBeforeReplace: false };
        },
        async create(inputs: State) {
            return { id: writer.id(inputs), outs: await writer.write(inputs) };
        },
        async update(_id: string, _olds: State, news: State) {
            return { outs: await writer.write(news) };
        },
        // What was written stays: environments keep running what their branches hold, and hydrator.metadata names
        // the DRY commits.
        async delete() {},
    };
}
