import { PolicyPack } from "@pulumi/policy";
import { packName, policies } from "./pack";

// Constructing the pack starts the analyzer's gRPC server: only the Pulumi CLI loads this file. Tests and the offline
// plan import ./pack and run the same policies in-process (plan/policyCheck.ts).
new PolicyPack(packName, { policies });
