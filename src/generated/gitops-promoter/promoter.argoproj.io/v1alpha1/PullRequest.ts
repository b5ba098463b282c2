import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/PromoterArgoprojIoV1alpha1PullRequest";

/**
 * PullRequest is the Schema for the pullrequests API
 */
export interface IPullRequest {
  /**
   * APIVersion defines the versioned schema of this representation of an object.
   * Servers should convert recognized schemas to the latest internal value, and
   * may reject unrecognized values.
   * More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources
   */
  "apiVersion": "promoter.argoproj.io/v1alpha1";
  /**
   * Kind is a string value representing the REST resource this object represents.
   * Servers may infer this from the endpoint the client submits requests to.
   * Cannot be updated.
   * In CamelCase.
   * More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds
   */
  "kind": "PullRequest";
  "metadata"?: IObjectMeta;
  /**
   * PullRequestSpec defines the desired state of PullRequest
   */
  "spec"?: {
    /**
     * Commit contains configuration for how we will merge/squash/etc the pull request.
     */
    "commit"?: {
      /**
       * Message is the commit message that will be written for the commit that's made when merging the PR.
       */
      "message": string;
    };
    /**
     * Description is the description body of the pull/merge request
     */
    "description"?: string;
    /**
     * RepositoryReference indicates what repository to open the PR on.
     */
    "gitRepositoryRef": {
      /**
       * Name is the name of the object to refer to.
       */
      "name": string;
    };
    /**
     * Labels is the desired set of SCM pull request labels (not Kubernetes metadata labels).
     * Written by the ChangeTransferPolicy controller from pullRequest.labels.expression evaluation.
     */
    "labels"?: Array<string>;
    /**
     * MergeSha is the commit SHA that the head branch must match before the PR can be merged.
     * This prevents a race condition where a PR is merged with a different commit than intended.
     * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
     */
    "mergeSha": string;
    /**
     * SourceBranch is the base the git reference that we are merging into Head ---> Base
     * Must not start with '-', contain ':', or contain '..'.
     */
    "sourceBranch": string;
    /**
     * State of the pull request (closed, merged, or open). Must always be "open" when creating a new pull request.
     * This value may not be changed to "closed" or "merged" unless the pull request status.id is set.
     */
    "state": "closed" | "merged" | "open";
    /**
     * TargetBranch is the head the git reference we are merging from Head ---> Base
     * Must not start with '-', contain ':', or contain '..'.
     */
    "targetBranch": string;
    /**
     * Title is the title of the pull request.
     */
    "title": string;
  };
  /**
   * PullRequestStatus defines the observed state of PullRequest
   */
  "status"?: {
    /**
     * AppliedLabels lists SCM labels successfully applied by gitops-promoter (for sync and retraction).
     */
    "appliedLabels"?: Array<string>;
    /**
     * Conditions Represents the observations of the current state.
     */
    "conditions"?: Array<{
      /**
       * lastTransitionTime is the last time the condition transitioned from one status to another.
       * This should be when the underlying condition changed.  If that is not known, then using the time when the API field changed is acceptable.
       */
      "lastTransitionTime": string;
      /**
       * message is a human readable message indicating details about the transition.
       * This may be an empty string.
       */
      "message": string;
      /**
       * observedGeneration represents the .metadata.generation that the condition was set based upon.
       * For instance, if .metadata.generation is currently 12, but the .status.conditions[x].observedGeneration is 9, the condition is out of date
       * with respect to the current state of the instance.
       */
      "observedGeneration"?: number;
      /**
       * reason contains a programmatic identifier indicating the reason for the condition's last transition.
       * Producers of specific condition types may define expected values and meanings for this field,
       * and whether the values are considered a guaranteed API.
       * The value should be a CamelCase string.
       * This field may not be empty.
       */
      "reason": string;
      /**
       * status of the condition, one of True, False, Unknown.
       */
      "status": "True" | "False" | "Unknown";
      /**
       * type of condition in CamelCase or in foo.example.com/CamelCase.
       */
      "type": string;
    }>;
    /**
     * ExternallyMergedOrClosed indicates that the pull request is no longer open on the SCM while the
     * resource still desired it open (spec.state is "open"): either it was merged or closed outside the
     * controller, or it was closed on the SCM because the PullRequest resource was deleted (finalizer)
     * and a subsequent sync observed it missing. The controller does not distinguish those cases here.
     * When true, the State field will be empty ("") since we cannot tell merge vs. close from the provider.
     * The PullRequest resource will be deleted after this flag is set when possible, but the status is
     * preserved in the owning ChangeTransferPolicy to maintain a record.
     */
    "externallyMergedOrClosed"?: boolean;
    /**
     * ID the id of the pull request
     */
    "id"?: string;
    /**
     * InstanceID mirrors metadata.labels[promoter.argoproj.io/instance-id] stamped on each
     * reconcile attempt by this install's controller, including when Ready=False; omitted
     * when the resource has no instance-id label (default install).
     */
    "instanceID"?: string;
    /**
     * ObservedGeneration is the .metadata.generation that this status was reconciled from.
     * Because status is written via Server-Side Apply with ForceOwnership (which has no
     * optimistic-concurrency check), this field is the canonical way to detect stale
     * status writes: compare status.observedGeneration with metadata.generation.
     */
    "observedGeneration"?: number;
    /**
     * PRCreationTime the time the PR was created
     */
    "prCreationTime"?: string;
    /**
     * SCMSyncedSpecDigest fingerprints title and description last successfully synced
     * to the SCM via provider.Update on an open pull request.
     */
    "scmSyncedSpecDigest"?: string;
    /**
     * State of the merge request closed/merged/open
     */
    "state"?: "" | "closed" | "merged" | "open";
    /**
     * Url is the URL of the pull request.
     */
    "url"?: string;
  };
}

/**
 * PullRequest is the Schema for the pullrequests API
 */
export class PullRequest extends Model<IPullRequest> implements IPullRequest {
  "apiVersion": IPullRequest["apiVersion"];
  "kind": IPullRequest["kind"];
  "metadata"?: IPullRequest["metadata"];
  "spec"?: IPullRequest["spec"];
  "status"?: IPullRequest["status"];

static apiVersion: IPullRequest["apiVersion"] = "promoter.argoproj.io/v1alpha1";
static kind: IPullRequest["kind"] = "PullRequest";
static is = createTypeMetaGuard<IPullRequest>(PullRequest);

constructor(data?: ModelData<IPullRequest>) {
  super();

  this.setDefinedProps({
    apiVersion: PullRequest.apiVersion,
    kind: PullRequest.kind,
    ...data
  } as IPullRequest);
}
}


setValidateFunc(PullRequest, validate as ValidateFunc<IPullRequest>);
