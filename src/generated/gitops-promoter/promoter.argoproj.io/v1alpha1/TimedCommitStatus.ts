import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/PromoterArgoprojIoV1alpha1TimedCommitStatus";

/**
 * TimedCommitStatus is the Schema for the timedcommitstatuses API
 */
export interface ITimedCommitStatus {
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
  "kind": "TimedCommitStatus";
  "metadata"?: IObjectMeta;
  /**
   * spec defines the desired state of TimedCommitStatus
   */
  "spec": {
    "environments": Array<{
      /**
       * Branch is the name of the branch/environment you want to gate for the configured duration.
       */
      "branch": string;
      /**
       * Duration is the time duration to wait before considering the commit status as success.
       * The duration should be in a format accepted by Go's time.ParseDuration function, e.g., "5m", "1h30m".
       */
      "duration": string;
    }>;
    /**
     * Key is the gate name referenced in the PromotionStrategy's activeCommitStatuses or
     * proposedCommitStatuses. When omitted, the CRD default is timer. Set Key explicitly, even if you use the CRD default.
     * Must be lowercase alphanumeric with hyphens, 1–63 characters (pattern: ^[a-z0-9]([-a-z0-9]\*[a-z0-9])?$).
     */
    "key"?: string;
    /**
     * PromotionStrategyRef is a reference to the promotion strategy that this timed commit status applies to.
     */
    "promotionStrategyRef": {
      /**
       * Name is the name of the object to refer to.
       */
      "name": string;
    };
  };
  /**
   * status defines the observed state of TimedCommitStatus
   */
  "status"?: {
    /**
     * Conditions represent the latest available observations of an object's state
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
     * Environments holds the status of each environment being tracked.
     */
    "environments"?: Array<{
      /**
       * AtMostDurationRemaining is the maximum amount of time remaining until the gate is satisfied.
       * This is calculated at reconciliation time. When the gate is satisfied (phase=success), this will be 0.
       */
      "atMostDurationRemaining": string;
      /**
       * Branch is the name of the branch/environment.
       */
      "branch": string;
      /**
       * CommitTime is when the commit was deployed to the active environment.
       */
      "commitTime": string;
      /**
       * Phase represents the current phase of the timed gate.
       */
      "phase": "pending" | "success";
      /**
       * RequiredDuration is the duration that must elapse before promotion is allowed.
       * If this is updated in the spec with a pending time. The new duration will be calculated from the original CommitTime.
       * Allowing you to extend the duration of an already deployed commit, if the time has not yet elapsed.
       */
      "requiredDuration": string;
      /**
       * Sha is the commit SHA being tracked for this environment.
       * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
       */
      "sha": string;
    }>;
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
  };
}

/**
 * TimedCommitStatus is the Schema for the timedcommitstatuses API
 */
export class TimedCommitStatus extends Model<ITimedCommitStatus> implements ITimedCommitStatus {
  "apiVersion": ITimedCommitStatus["apiVersion"];
  "kind": ITimedCommitStatus["kind"];
  "metadata"?: ITimedCommitStatus["metadata"];
  "spec": ITimedCommitStatus["spec"];
  "status"?: ITimedCommitStatus["status"];

static apiVersion: ITimedCommitStatus["apiVersion"] = "promoter.argoproj.io/v1alpha1";
static kind: ITimedCommitStatus["kind"] = "TimedCommitStatus";
static is = createTypeMetaGuard<ITimedCommitStatus>(TimedCommitStatus);

constructor(data?: ModelData<ITimedCommitStatus>) {
  super();

  this.setDefinedProps({
    apiVersion: TimedCommitStatus.apiVersion,
    kind: TimedCommitStatus.kind,
    ...data
  } as ITimedCommitStatus);
}
}


setValidateFunc(TimedCommitStatus, validate as ValidateFunc<ITimedCommitStatus>);
