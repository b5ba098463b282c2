import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/PromoterArgoprojIoV1alpha1CommitStatus";

/**
 * CommitStatus is the Schema for the commitstatuses API
 */
export interface ICommitStatus {
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
  "kind": "CommitStatus";
  "metadata"?: IObjectMeta;
  /**
   * CommitStatusSpec defines the desired state of CommitStatus
   */
  "spec"?: {
    /**
     * Description is a human-readable description of the commit status.
     * This is shown in the SCM provider (GitHub, GitLab, etc.) as the commit status description.
     * Use an action-oriented message to convey that the system is actively working. For example,
     * "Waiting for approval" instead of "Approval pending."
     */
    "description": string;
    /**
     * ObjectReference is a reference to an object by name. It is used to refer to objects in the same namespace.
     */
    "gitRepositoryRef": {
      /**
       * Name is the name of the object to refer to.
       */
      "name": string;
    };
    /**
     * Name is the name of the commit status.
     */
    "name": string;
    /**
     * Phase is the state of the commit status. This will be mapped to the appropriate equivalent in the SCM.
     */
    "phase": "pending" | "success" | "failure";
    /**
     * SHA is the commit SHA to set the status on.
     * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
     */
    "sha": string;
    /**
     * Url is a URL that the user can follow to see more details about the status
     */
    "url"?: string;
  };
  /**
   * CommitStatusStatus defines the observed state of CommitStatus
   */
  "status"?: {
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
     * Id is the unique identifier of the commit status, set by the SCM
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
     * Phase is the state of the commit status. This will be mapped to the appropriate equivalent in the SCM.
     */
    "phase"?: "pending" | "success" | "failure" | "";
    /**
     * Sha is the commit SHA that the status is set on.
     * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
     */
    "sha"?: string;
  };
}

/**
 * CommitStatus is the Schema for the commitstatuses API
 */
export class CommitStatus extends Model<ICommitStatus> implements ICommitStatus {
  "apiVersion": ICommitStatus["apiVersion"];
  "kind": ICommitStatus["kind"];
  "metadata"?: ICommitStatus["metadata"];
  "spec"?: ICommitStatus["spec"];
  "status"?: ICommitStatus["status"];

static apiVersion: ICommitStatus["apiVersion"] = "promoter.argoproj.io/v1alpha1";
static kind: ICommitStatus["kind"] = "CommitStatus";
static is = createTypeMetaGuard<ICommitStatus>(CommitStatus);

constructor(data?: ModelData<ICommitStatus>) {
  super();

  this.setDefinedProps({
    apiVersion: CommitStatus.apiVersion,
    kind: CommitStatus.kind,
    ...data
  } as ICommitStatus);
}
}


setValidateFunc(CommitStatus, validate as ValidateFunc<ICommitStatus>);
