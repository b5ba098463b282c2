// One source: the pack owns the contract (policies/lib/programContract.ts), so it can be published alone.
export { ENVIRONMENT_BRANCH_PREFIX, HYDRATED_ENVIRONMENT_KIND } from "../policies/lib/programContract";
