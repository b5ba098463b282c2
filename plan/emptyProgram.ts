// The floor of `npm run bench`: a Pulumi program that declares nothing, planned on the same mock runtime.
export {};
