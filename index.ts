// The Pulumi program: validate the stack's configuration, declare the release, export the stack outputs.
import { loadReleaseConfig } from "./config/programConfig";
import { declareRelease } from "./program/program";

export = declareRelease(loadReleaseConfig());
