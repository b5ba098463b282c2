import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/PromoterArgoprojIoV1alpha1ScheduledCommitStatus";

/**
 * ScheduledCommitStatus is the Schema for the scheduledcommitstatuses API.
 */
export interface IScheduledCommitStatus {
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
  "kind": "ScheduledCommitStatus";
  "metadata"?: IObjectMeta;
  /**
   * spec defines the desired state of ScheduledCommitStatus
   */
  "spec": {
    /**
     * Allow defines global allow windows applied to all listed environments in addition to
     * per-environment allow windows (OR semantics across all).
     */
    "allow"?: Array<{
      /**
       * Cron is a standard 5-field cron expression defining the start of the window
       * (minute hour day-of-month month day-of-week). For example "0 9 \* \* 1-5" means
       * Monday–Friday at 09:00 in the configured timezone.
       */
      "cron": string;
      /**
       * Description is an optional human-readable explanation of this window
       * (e.g. "US East business hours", "Holiday deployment freeze").
       */
      "description"?: string;
      /**
       * Duration is how long the window remains open after the cron trigger.
       * The duration should be in a format accepted by Go's time.ParseDuration function, e.g., "8h", "30m", "2h30m".
       */
      "duration": string;
      /**
       * Timezone overrides the spec-level default timezone for this specific window.
       * If not set, the spec-level timezone (or UTC if that is also not set) is used.
       */
      "timezone"?: string;
    }>;
    /**
     * Environments defines the list of environments to gate. Only listed environments are gated;
     * unlisted environments default to success (24/7 open). Each environment inherits global
     * allow/exclude windows and may add its own. An environment with no per-environment windows
     * is valid when global windows are defined.
     */
    "environments": Array<{
      /**
       * Allow defines the allowed promotion windows. Promotions are allowed when the current time
       * falls inside any of these windows (OR semantics). These are combined with any global
       * spec.allow windows. If no allow windows are defined (neither here nor globally), the
       * environment operates in exclusion-only mode.
       */
      "allow"?: Array<{
        /**
         * Cron is a standard 5-field cron expression defining the start of the window
         * (minute hour day-of-month month day-of-week). For example "0 9 \* \* 1-5" means
         * Monday–Friday at 09:00 in the configured timezone.
         */
        "cron": string;
        /**
         * Description is an optional human-readable explanation of this window
         * (e.g. "US East business hours", "Holiday deployment freeze").
         */
        "description"?: string;
        /**
         * Duration is how long the window remains open after the cron trigger.
         * The duration should be in a format accepted by Go's time.ParseDuration function, e.g., "8h", "30m", "2h30m".
         */
        "duration": string;
        /**
         * Timezone overrides the spec-level default timezone for this specific window.
         * If not set, the spec-level timezone (or UTC if that is also not set) is used.
         */
        "timezone"?: string;
      }>;
      /**
       * Branch is the name of the branch/environment you want to gate with time windows.
       * Must not start with '-', contain ':', or contain '..'.
       */
      "branch": string;
      /**
       * Exclude defines blackout periods during which promotions are blocked. Exclusions take
       * precedence over allow windows — if the current time falls inside any exclusion, promotions
       * are blocked regardless of allow windows. These are combined with any global spec.exclude
       * windows. If empty, no blackout periods are applied.
       */
      "exclude"?: Array<{
        /**
         * Cron is a standard 5-field cron expression defining the start of the window
         * (minute hour day-of-month month day-of-week). For example "0 9 \* \* 1-5" means
         * Monday–Friday at 09:00 in the configured timezone.
         */
        "cron": string;
        /**
         * Description is an optional human-readable explanation of this window
         * (e.g. "US East business hours", "Holiday deployment freeze").
         */
        "description"?: string;
        /**
         * Duration is how long the window remains open after the cron trigger.
         * The duration should be in a format accepted by Go's time.ParseDuration function, e.g., "8h", "30m", "2h30m".
         */
        "duration": string;
        /**
         * Timezone overrides the spec-level default timezone for this specific window.
         * If not set, the spec-level timezone (or UTC if that is also not set) is used.
         */
        "timezone"?: string;
      }>;
    }>;
    /**
     * Exclude defines global exclusion windows applied to all listed environments in addition to
     * per-environment exclusions. Exclusions take precedence over allow windows.
     */
    "exclude"?: Array<{
      /**
       * Cron is a standard 5-field cron expression defining the start of the window
       * (minute hour day-of-month month day-of-week). For example "0 9 \* \* 1-5" means
       * Monday–Friday at 09:00 in the configured timezone.
       */
      "cron": string;
      /**
       * Description is an optional human-readable explanation of this window
       * (e.g. "US East business hours", "Holiday deployment freeze").
       */
      "description"?: string;
      /**
       * Duration is how long the window remains open after the cron trigger.
       * The duration should be in a format accepted by Go's time.ParseDuration function, e.g., "8h", "30m", "2h30m".
       */
      "duration": string;
      /**
       * Timezone overrides the spec-level default timezone for this specific window.
       * If not set, the spec-level timezone (or UTC if that is also not set) is used.
       */
      "timezone"?: string;
    }>;
    /**
     * Key is the gate name referenced in the PromotionStrategy's proposedCommitStatuses.
     * Must be lowercase alphanumeric with hyphens, 1–63 characters (pattern: ^[a-z0-9]([-a-z0-9]\*[a-z0-9])?$).
     */
    "key": string;
    /**
     * PromotionStrategyRef is a reference to the promotion strategy that this scheduled commit status applies to.
     */
    "promotionStrategyRef": {
      /**
       * Name is the name of the object to refer to.
       */
      "name": string;
    };
    /**
     * Timezone is the default IANA timezone name used for evaluating cron expressions across all windows.
     * Individual windows may override this with their own timezone field.
     * Defaults to UTC.
     */
    "timezone"?: string;
  };
  /**
   * status defines the observed state of ScheduledCommitStatus
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
       * Active holds details of the currently active window driving the phase.
       * Nil when no specific window is active (e.g. exclusion-only mode with no active exclusion).
       */
      "active"?: {
        /**
         * Allow is the cron expression of the allow window, if applicable.
         */
        "allow"?: string;
        /**
         * Exclude is the cron expression of the exclusion window, if applicable.
         */
        "exclude"?: string;
        /**
         * Transition is when this window state is expected to change
         * (e.g. window closing for active, window opening for next).
         */
        "transition"?: string;
      };
      /**
       * Branch is the name of the branch/environment.
       */
      "branch": string;
      /**
       * Next holds details of the next expected window transition.
       * Used by UIs for countdown timers and by the controller for precise requeuing.
       */
      "next"?: {
        /**
         * Allow is the cron expression of the allow window, if applicable.
         */
        "allow"?: string;
        /**
         * Exclude is the cron expression of the exclusion window, if applicable.
         */
        "exclude"?: string;
        /**
         * Transition is when this window state is expected to change
         * (e.g. window closing for active, window opening for next).
         */
        "transition"?: string;
      };
      /**
       * Phase represents the current phase of the scheduled gate.
       */
      "phase": "pending" | "success";
      /**
       * Sha is the proposed commit SHA being tracked for this environment.
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
 * ScheduledCommitStatus is the Schema for the scheduledcommitstatuses API.
 */
export class ScheduledCommitStatus extends Model<IScheduledCommitStatus> implements IScheduledCommitStatus {
  "apiVersion": IScheduledCommitStatus["apiVersion"];
  "kind": IScheduledCommitStatus["kind"];
  "metadata"?: IScheduledCommitStatus["metadata"];
  "spec": IScheduledCommitStatus["spec"];
  "status"?: IScheduledCommitStatus["status"];

static apiVersion: IScheduledCommitStatus["apiVersion"] = "promoter.argoproj.io/v1alpha1";
static kind: IScheduledCommitStatus["kind"] = "ScheduledCommitStatus";
static is = createTypeMetaGuard<IScheduledCommitStatus>(ScheduledCommitStatus);

constructor(data?: ModelData<IScheduledCommitStatus>) {
  super();

  this.setDefinedProps({
    apiVersion: ScheduledCommitStatus.apiVersion,
    kind: ScheduledCommitStatus.kind,
    ...data
  } as IScheduledCommitStatus);
}
}


setValidateFunc(ScheduledCommitStatus, validate as ValidateFunc<IScheduledCommitStatus>);
