// The Pulumi program: validate the stack's configuration, declare the release, export the stack outputs.
import { loadReleaseConfig } from "./src/config";
import { declareRelease } from "./src/program";

export = declareRelease(loadReleaseConfig());
