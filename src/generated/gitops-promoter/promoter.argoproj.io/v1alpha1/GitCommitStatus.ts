import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/PromoterArgoprojIoV1alpha1GitCommitStatus";

/**
 * GitCommitStatus is the Schema for the gitcommitstatuses API.
 * 
 * It validates commits from PromotionStrategy environments using configurable expressions
 * and creates CommitStatus resources with the validation results.
 * 
 * Use the Target field to control which commit is validated:
 * - "active" (default): Validates the currently deployed commit
 * - "proposed": Validates the incoming commit
 * 
 * The validation result is always reported on the PROPOSED commit to enable promotion gating,
 * regardless of which commit was validated.
 * 
 * Workflow:
 *  1. Controller reads PromotionStrategy to get ProposedHydratedSha and ActiveHydratedSha
 *  2. Controller selects SHA to validate based on Target field
 *  3. Controller fetches commit data (subject, body, author, trailers) for selected SHA
 *  4. Controller evaluates expression against selected commit data
 *  5. Controller creates/updates CommitStatus with result attached to PROPOSED SHA
 *  6. PromotionStrategy checks CommitStatus on PROPOSED SHA before allowing promotion
 * 
 * Common use cases:
 *   - "Ensure active commit is not a revert before promoting"
 */
export interface IGitCommitStatus {
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
  "kind": "GitCommitStatus";
  "metadata"?: IObjectMeta;
  /**
   * spec defines the desired state of GitCommitStatus
   */
  "spec": {
    /**
     * Description is a human-readable description of this validation that will be shown in the SCM provider
     * (GitHub, GitLab, etc.) as the commit status description.
     * If not specified, defaults to empty string.
     */
    "description"?: string;
    /**
     * Expression is evaluated using the expr library (github.com/expr-lang/expr) against commit data
     * for environments in the referenced PromotionStrategy.
     * The expression must return a boolean value where true indicates the validation passed.
     * 
     * The commit validated is determined by the Target field:
     * - "active" (default): Validates the ACTIVE (currently deployed) commit
     * - "proposed": Validates the PROPOSED commit (what will be promoted)
     * 
     * The validation result is always reported on the PROPOSED commit to enable promotion gating.
     * 
     * Use Cases by Mode:
     *   Active mode: State-based gating - validate current environment before allowing promotion
     *     - "Don't promote until active commit has required sign-offs"
     *     - "Verify current deployment meets compliance before next promotion"
     *     - "Ensure active commit is not a revert before promoting"
     * 
     *   Proposed mode: Change-based gating - validate the incoming change itself
     *     - "Don't promote unless new commit follows naming convention"
     *     - "Ensure proposed commit has proper JIRA ticket reference"
     *     - "Require specific author for proposed changes"
     * 
     * Available variables in the expression context:
     *   - Commit.SHA (string): the commit SHA being validated (active or proposed based on Target)
     *   - Commit.Subject (string): the first line of the commit message
     *   - Commit.Body (string): the commit message body (everything after the subject line)
     *   - Commit.Author (string): commit author email address
     *   - Commit.Trailers (map[string][]string): git trailers parsed from commit message
     */
    "expression": string;
    /**
     * Key is the unique identifier for this validation rule.
     * It is used as the commit status key and in status messages.
     * This key is matched against PromotionStrategy's proposedCommitStatuses or activeCommitStatuses
     * to determine which environments this validation applies to.
     */
    "key": string;
    /**
     * PromotionStrategyRef is a reference to the promotion strategy that this commit status applies to.
     * The controller will validate commits from ALL environments in the referenced PromotionStrategy
     * where this GitCommitStatus.Spec.Key matches an entry in either:
     *   - PromotionStrategy.Spec.ProposedCommitStatuses (applies to all environments), OR
     *   - Environment.ProposedCommitStatuses (applies to specific environment)
     */
    "promotionStrategyRef": {
      /**
       * Name is the name of the object to refer to.
       */
      "name": string;
    };
    /**
     * Target specifies which commit SHA to validate with the expression.
     * - "active": Validates the currently active/deployed commit (default behavior)
     * - "proposed": Validates the proposed commit that will be promoted
     * 
     * The validation result is always reported on the PROPOSED commit (for gating), but this field
     * controls which commit's data is used in the expression evaluation.
     * 
     * Examples:
     *   target: "active" - "Don't promote if a revert commit is detected"
     *   target: "proposed" - "Don't promote unless new commit follows naming convention"
     */
    "target"?: "active" | "proposed";
  };
  /**
   * status defines the observed state of GitCommitStatus
   */
  "status"?: {
    /**
     * Conditions represent the latest available observations of the GitCommitStatus's state.
     * Standard condition types include "Ready" which aggregates the status of all environments.
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
     * Environments holds the validation results for each environment where this validation applies.
     * Each entry corresponds to an environment from the PromotionStrategy where the Key matches
     * either global or environment-specific proposedCommitStatuses.
     * 
     * The controller validates the commit specified by Target ("active" or "proposed")
     * but the CommitStatus is always reported on the PROPOSED commit for promotion gating.
     * Each environment entry tracks both the ProposedHydratedSha (where status is reported) and the
     * ActiveHydratedSha, with TargetedSha indicating which one was actually evaluated.
     */
    "environments"?: Array<{
      /**
       * ActiveHydratedSha is the currently active (deployed) hydrated commit SHA that was validated.
       * This comes from the PromotionStrategy's environment status.
       * The expression is evaluated against THIS commit's data, not the proposed commit.
       * May be empty if the PromotionStrategy hasn't reconciled yet.
       * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
       */
      "activeHydratedSha"?: string;
      /**
       * Branch is the environment branch name being validated.
       */
      "branch": string;
      /**
       * ExpressionResult contains the boolean result of the expression evaluation.
       * Only set when the expression successfully evaluates to a boolean.
       * nil indicates the expression has not yet been evaluated, failed to compile, or failed to evaluate.
       */
      "expressionResult"?: boolean;
      /**
       * Phase represents the current validation state of the commit.
       * - "pending": validation has not completed, commit data is not yet available, or SHAs are empty
       * - "success": expression evaluated to true, validation passed
       * - "failure": expression evaluated to false, validation failed, or expression compilation failed
       */
      "phase": "pending" | "success" | "failure";
      /**
       * ProposedHydratedSha is the proposed hydrated commit SHA where the validation result is reported.
       * This comes from the PromotionStrategy's environment status.
       * The CommitStatus resource is created with this SHA, allowing the PromotionStrategy to gate
       * promotions based on the validation of the ACTIVE commit.
       * May be empty if the PromotionStrategy hasn't reconciled yet.
       * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
       */
      "proposedHydratedSha": string;
      /**
       * TargetedSha is the commit SHA that was actually validated by the expression.
       * This will match either ProposedHydratedSha or ActiveHydratedSha depending on
       * the Target setting ("proposed" or "active").
       * This field clarifies which commit's data was used in the expression evaluation.
       * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
       */
      "targetedSha"?: string;
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
 * GitCommitStatus is the Schema for the gitcommitstatuses API.
 * 
 * It validates commits from PromotionStrategy environments using configurable expressions
 * and creates CommitStatus resources with the validation results.
 * 
 * Use the Target field to control which commit is validated:
 * - "active" (default): Validates the currently deployed commit
 * - "proposed": Validates the incoming commit
 * 
 * The validation result is always reported on the PROPOSED commit to enable promotion gating,
 * regardless of which commit was validated.
 * 
 * Workflow:
 *  1. Controller reads PromotionStrategy to get ProposedHydratedSha and ActiveHydratedSha
 *  2. Controller selects SHA to validate based on Target field
 *  3. Controller fetches commit data (subject, body, author, trailers) for selected SHA
 *  4. Controller evaluates expression against selected commit data
 *  5. Controller creates/updates CommitStatus with result attached to PROPOSED SHA
 *  6. PromotionStrategy checks CommitStatus on PROPOSED SHA before allowing promotion
 * 
 * Common use cases:
 *   - "Ensure active commit is not a revert before promoting"
 */
export class GitCommitStatus extends Model<IGitCommitStatus> implements IGitCommitStatus {
  "apiVersion": IGitCommitStatus["apiVersion"];
  "kind": IGitCommitStatus["kind"];
  "metadata"?: IGitCommitStatus["metadata"];
  "spec": IGitCommitStatus["spec"];
  "status"?: IGitCommitStatus["status"];

static apiVersion: IGitCommitStatus["apiVersion"] = "promoter.argoproj.io/v1alpha1";
static kind: IGitCommitStatus["kind"] = "GitCommitStatus";
static is = createTypeMetaGuard<IGitCommitStatus>(GitCommitStatus);

constructor(data?: ModelData<IGitCommitStatus>) {
  super();

  this.setDefinedProps({
    apiVersion: GitCommitStatus.apiVersion,
    kind: GitCommitStatus.kind,
    ...data
  } as IGitCommitStatus);
}
}


setValidateFunc(GitCommitStatus, validate as ValidateFunc<IGitCommitStatus>);
