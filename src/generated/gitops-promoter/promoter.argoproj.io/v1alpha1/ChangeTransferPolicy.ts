import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/PromoterArgoprojIoV1alpha1ChangeTransferPolicy";

/**
 * ChangeTransferPolicy is the Schema for the changetransferpolicies API
 */
export interface IChangeTransferPolicy {
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
  "kind": "ChangeTransferPolicy";
  "metadata"?: IObjectMeta;
  /**
   * ChangeTransferPolicySpec defines the desired state of ChangeTransferPolicy
   */
  "spec"?: {
    /**
     * ActiveBranch staging hydrated branch
     * Must not start with '-', contain ':', or contain '..'.
     */
    "activeBranch": string;
    /**
     * ActiveCommitStatuses lists the statuses to be monitored on the active branch
     */
    "activeCommitStatuses"?: Array<{
      "key": string;
    }>;
    /**
     * ActivePath is an optional repository subpath for this policy's active state.
     * When set, hydrator metadata is read from <activePath>/hydrator.metadata.
     */
    "activePath"?: string;
    "autoMerge"?: boolean;
    /**
     * RepositoryReference what repository to open the PR on.
     */
    "gitRepositoryRef": {
      /**
       * Name is the name of the object to refer to.
       */
      "name": string;
    };
    /**
     * ProposedBranch staging hydrated branch
     * Must not start with '-', contain ':', or contain '..'.
     */
    "proposedBranch": string;
    /**
     * ProposedCommitStatuses lists the statuses to be monitored on the proposed branch
     */
    "proposedCommitStatuses"?: Array<{
      "key": string;
    }>;
    /**
     * PullRequest configures SCM pull request behavior for this change transfer policy.
     * Copied from the owning PromotionStrategy by the PromotionStrategy controller.
     */
    "pullRequest"?: {
      /**
       * Labels configures dynamic SCM labels applied to promotion pull requests.
       */
      "labels"?: {
        /**
         * Expression is evaluated using the expr library (github.com/expr-lang/expr) against
         * ChangeTransferPolicy status and spec. It must return a list of SCM label name strings.
         * 
         * Available variables:
         *   - Status: ChangeTransferPolicy status (Proposed/Active commit statuses, branch SHAs, etc.)
         *   - Spec: ChangeTransferPolicy spec (ActiveBranch, ProposedBranch, etc.)
         *   - PromotionStrategy: owning PromotionStrategy spec and status when available
         * 
         * Each returned label name must satisfy the same validation as PullRequest.spec.labels
         * (non-empty, max 50 characters, no newlines, max 10 labels, unique).
         */
        "expression": string;
      };
    };
  };
  /**
   * ChangeTransferPolicyStatus defines the observed state of ChangeTransferPolicy
   */
  "status"?: {
    /**
     * Active is the state of the active branch.
     */
    "active"?: {
      /**
       * CommitStatuses is a list of commit statuses that are being monitored for this branch.
       */
      "commitStatuses"?: Array<{
        /**
         * Description is the description of the commit status
         */
        "description"?: string;
        /**
         * Key staging hydrated branch
         */
        "key": string;
        /**
         * Phase what phase is the status in
         */
        "phase": "pending" | "success" | "failure";
        /**
         * Url is the URL of the commit status
         */
        "url"?: string;
      }>;
      /**
       * Dry is the dry state of the branch, which is the commit that is being proposed.
       */
      "dry"?: {
        /**
         * Author is the author of the commit
         */
        "author"?: string;
        /**
         * Body is the body of the commit message without the subject line
         */
        "body"?: string;
        /**
         * CommitTime is the time the commit was made
         */
        "commitTime"?: string;
        /**
         * References are the references to other commits, that went into the hydration of the branch
         */
        "references"?: Array<{
          /**
           * Commit contains metadata about the commit that is related in some way to another commit.
           */
          "commit"?: {
            /**
             * Author is the author of the commit.
             */
            "author"?: string;
            /**
             * Body is the body of the commit message, excluding the subject line, i.e. `git show --format=%b`.
             */
            "body"?: string;
            /**
             * Date is the date of the commit, formatted as by `git show -s --format=%aI`.
             */
            "date"?: string;
            /**
             * RepoURL is the URL of the repository where the commit is located.
             */
            "repoURL"?: string;
            /**
             * Sha is the commit hash.
             * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
             */
            "sha"?: string;
            /**
             * Subject is the subject line of the commit message, i.e. `git show --format=%s`.
             */
            "subject"?: string;
          };
        }>;
        /**
         * RepoURL is the URL of the repository where the commit is located
         */
        "repoURL"?: string;
        /**
         * Sha is the SHA of the commit in the branch
         * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
         */
        "sha"?: string;
        /**
         * Subject is the subject line of the commit message
         */
        "subject"?: string;
      };
      /**
       * Hydrated is the hydrated state of the branch, which is the commit that is currently being worked on.
       */
      "hydrated"?: {
        /**
         * Author is the author of the commit
         */
        "author"?: string;
        /**
         * Body is the body of the commit message without the subject line
         */
        "body"?: string;
        /**
         * CommitTime is the time the commit was made
         */
        "commitTime"?: string;
        /**
         * References are the references to other commits, that went into the hydration of the branch
         */
        "references"?: Array<{
          /**
           * Commit contains metadata about the commit that is related in some way to another commit.
           */
          "commit"?: {
            /**
             * Author is the author of the commit.
             */
            "author"?: string;
            /**
             * Body is the body of the commit message, excluding the subject line, i.e. `git show --format=%b`.
             */
            "body"?: string;
            /**
             * Date is the date of the commit, formatted as by `git show -s --format=%aI`.
             */
            "date"?: string;
            /**
             * RepoURL is the URL of the repository where the commit is located.
             */
            "repoURL"?: string;
            /**
             * Sha is the commit hash.
             * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
             */
            "sha"?: string;
            /**
             * Subject is the subject line of the commit message, i.e. `git show --format=%s`.
             */
            "subject"?: string;
          };
        }>;
        /**
         * RepoURL is the URL of the repository where the commit is located
         */
        "repoURL"?: string;
        /**
         * Sha is the SHA of the commit in the branch
         * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
         */
        "sha"?: string;
        /**
         * Subject is the subject line of the commit message
         */
        "subject"?: string;
      };
      /**
       * Note is the hydrator metadata from the git note attached to the hydrated commit.
       */
      "note"?: {
        /**
         * Author is the author of the dry commit that was used to hydrate the branch.
         */
        "author"?: string;
        /**
         * Body is the body of the dry commit that was used to hydrate the branch without the subject.
         */
        "body"?: string;
        /**
         * Date is the date of the dry commit that was used to hydrate the branch.
         */
        "date"?: string;
        /**
         * DrySha is the SHA of the commit that was used as the dry source for hydration.
         * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
         */
        "drySha"?: string;
        /**
         * References are the references to other commits, that went into the hydration of the branch.
         */
        "references"?: Array<{
          /**
           * Commit contains metadata about the commit that is related in some way to another commit.
           */
          "commit"?: {
            /**
             * Author is the author of the commit.
             */
            "author"?: string;
            /**
             * Body is the body of the commit message, excluding the subject line, i.e. `git show --format=%b`.
             */
            "body"?: string;
            /**
             * Date is the date of the commit, formatted as by `git show -s --format=%aI`.
             */
            "date"?: string;
            /**
             * RepoURL is the URL of the repository where the commit is located.
             */
            "repoURL"?: string;
            /**
             * Sha is the commit hash.
             * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
             */
            "sha"?: string;
            /**
             * Subject is the subject line of the commit message, i.e. `git show --format=%s`.
             */
            "subject"?: string;
          };
        }>;
        /**
         * RepoURL is the URL of the repository where the commit is located.
         */
        "repoURL"?: string;
        /**
         * Subject is the subject line of the dry commit that was used to hydrate the branch.
         */
        "subject"?: string;
      };
    };
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
     * History defines the history of promoted changes done by the ChangeTransferPolicy. You can think of
     * it as a list of PRs merged by GitOps Promoter. It will not include changes that were manually merged.
     * The history length is hard-coded to be at most 5 entries. This may change in the future.
     * History is constructed on a best-effort basis and should be used for informational purposes only.
     * History is in reverse chronological order (newest is first).
     */
    "history"?: Array<{
      /**
       * Active is the state of the active branch at the time the PR was merged.
       */
      "active"?: {
        /**
         * CommitStatuses is a list of commit statuses that are being monitored for this branch.
         */
        "commitStatuses"?: Array<{
          /**
           * Description is the description of the commit status
           */
          "description"?: string;
          /**
           * Key staging hydrated branch
           */
          "key": string;
          /**
           * Phase what phase is the status in
           */
          "phase": "pending" | "success" | "failure";
          /**
           * Url is the URL of the commit status
           */
          "url"?: string;
        }>;
        /**
         * Dry is the dry state of the branch, which is the commit that is being proposed.
         */
        "dry"?: {
          /**
           * Author is the author of the commit
           */
          "author"?: string;
          /**
           * Body is the body of the commit message without the subject line
           */
          "body"?: string;
          /**
           * CommitTime is the time the commit was made
           */
          "commitTime"?: string;
          /**
           * References are the references to other commits, that went into the hydration of the branch
           */
          "references"?: Array<{
            /**
             * Commit contains metadata about the commit that is related in some way to another commit.
             */
            "commit"?: {
              /**
               * Author is the author of the commit.
               */
              "author"?: string;
              /**
               * Body is the body of the commit message, excluding the subject line, i.e. `git show --format=%b`.
               */
              "body"?: string;
              /**
               * Date is the date of the commit, formatted as by `git show -s --format=%aI`.
               */
              "date"?: string;
              /**
               * RepoURL is the URL of the repository where the commit is located.
               */
              "repoURL"?: string;
              /**
               * Sha is the commit hash.
               * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
               */
              "sha"?: string;
              /**
               * Subject is the subject line of the commit message, i.e. `git show --format=%s`.
               */
              "subject"?: string;
            };
          }>;
          /**
           * RepoURL is the URL of the repository where the commit is located
           */
          "repoURL"?: string;
          /**
           * Sha is the SHA of the commit in the branch
           * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
           */
          "sha"?: string;
          /**
           * Subject is the subject line of the commit message
           */
          "subject"?: string;
        };
        /**
         * Hydrated is the hydrated state of the branch, which is the commit that is currently being worked on.
         */
        "hydrated"?: {
          /**
           * Author is the author of the commit
           */
          "author"?: string;
          /**
           * Body is the body of the commit message without the subject line
           */
          "body"?: string;
          /**
           * CommitTime is the time the commit was made
           */
          "commitTime"?: string;
          /**
           * References are the references to other commits, that went into the hydration of the branch
           */
          "references"?: Array<{
            /**
             * Commit contains metadata about the commit that is related in some way to another commit.
             */
            "commit"?: {
              /**
               * Author is the author of the commit.
               */
              "author"?: string;
              /**
               * Body is the body of the commit message, excluding the subject line, i.e. `git show --format=%b`.
               */
              "body"?: string;
              /**
               * Date is the date of the commit, formatted as by `git show -s --format=%aI`.
               */
              "date"?: string;
              /**
               * RepoURL is the URL of the repository where the commit is located.
               */
              "repoURL"?: string;
              /**
               * Sha is the commit hash.
               * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
               */
              "sha"?: string;
              /**
               * Subject is the subject line of the commit message, i.e. `git show --format=%s`.
               */
              "subject"?: string;
            };
          }>;
          /**
           * RepoURL is the URL of the repository where the commit is located
           */
          "repoURL"?: string;
          /**
           * Sha is the SHA of the commit in the branch
           * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
           */
          "sha"?: string;
          /**
           * Subject is the subject line of the commit message
           */
          "subject"?: string;
        };
        /**
         * Note is the hydrator metadata from the git note attached to the hydrated commit.
         */
        "note"?: {
          /**
           * Author is the author of the dry commit that was used to hydrate the branch.
           */
          "author"?: string;
          /**
           * Body is the body of the dry commit that was used to hydrate the branch without the subject.
           */
          "body"?: string;
          /**
           * Date is the date of the dry commit that was used to hydrate the branch.
           */
          "date"?: string;
          /**
           * DrySha is the SHA of the commit that was used as the dry source for hydration.
           * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
           */
          "drySha"?: string;
          /**
           * References are the references to other commits, that went into the hydration of the branch.
           */
          "references"?: Array<{
            /**
             * Commit contains metadata about the commit that is related in some way to another commit.
             */
            "commit"?: {
              /**
               * Author is the author of the commit.
               */
              "author"?: string;
              /**
               * Body is the body of the commit message, excluding the subject line, i.e. `git show --format=%b`.
               */
              "body"?: string;
              /**
               * Date is the date of the commit, formatted as by `git show -s --format=%aI`.
               */
              "date"?: string;
              /**
               * RepoURL is the URL of the repository where the commit is located.
               */
              "repoURL"?: string;
              /**
               * Sha is the commit hash.
               * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
               */
              "sha"?: string;
              /**
               * Subject is the subject line of the commit message, i.e. `git show --format=%s`.
               */
              "subject"?: string;
            };
          }>;
          /**
           * RepoURL is the URL of the repository where the commit is located.
           */
          "repoURL"?: string;
          /**
           * Subject is the subject line of the dry commit that was used to hydrate the branch.
           */
          "subject"?: string;
        };
      };
      /**
       * Proposed is the state of the proposed branch at the time the PR was merged.
       */
      "proposed"?: {
        /**
         * CommitStatuses is a list of commit statuses that were being monitored for this branch.
         * This contains the state frozen at the moment the PR was merged.
         */
        "commitStatuses"?: Array<{
          /**
           * Description is the description of the commit status
           */
          "description"?: string;
          /**
           * Key staging hydrated branch
           */
          "key": string;
          /**
           * Phase what phase is the status in
           */
          "phase": "pending" | "success" | "failure";
          /**
           * Url is the URL of the commit status
           */
          "url"?: string;
        }>;
        /**
         * Hydrated is the hydrated state of the branch, which is the commit that is currently being worked on.
         */
        "hydrated"?: {
          /**
           * Author is the author of the commit
           */
          "author"?: string;
          /**
           * Body is the body of the commit message without the subject line
           */
          "body"?: string;
          /**
           * CommitTime is the time the commit was made
           */
          "commitTime"?: string;
          /**
           * References are the references to other commits, that went into the hydration of the branch
           */
          "references"?: Array<{
            /**
             * Commit contains metadata about the commit that is related in some way to another commit.
             */
            "commit"?: {
              /**
               * Author is the author of the commit.
               */
              "author"?: string;
              /**
               * Body is the body of the commit message, excluding the subject line, i.e. `git show --format=%b`.
               */
              "body"?: string;
              /**
               * Date is the date of the commit, formatted as by `git show -s --format=%aI`.
               */
              "date"?: string;
              /**
               * RepoURL is the URL of the repository where the commit is located.
               */
              "repoURL"?: string;
              /**
               * Sha is the commit hash.
               * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
               */
              "sha"?: string;
              /**
               * Subject is the subject line of the commit message, i.e. `git show --format=%s`.
               */
              "subject"?: string;
            };
          }>;
          /**
           * RepoURL is the URL of the repository where the commit is located
           */
          "repoURL"?: string;
          /**
           * Sha is the SHA of the commit in the branch
           * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
           */
          "sha"?: string;
          /**
           * Subject is the subject line of the commit message
           */
          "subject"?: string;
        };
      };
      /**
       * PullRequest is the state of the pull request that was created for this ChangeTransferPolicy.
       */
      "pullRequest"?: {
        /**
         * ExternallyMergedOrClosed indicates that the pull request is no longer open on the SCM while the
         * PullRequest still desired it open: merged or closed outside the controller, or closed on the SCM
         * because the PullRequest resource was deleted (finalizer) before this status was reconciled.
         * When true, the State field will be empty ("") since we cannot tell merge vs. close from the provider.
         * This status is preserved even after the PullRequest resource is deleted, maintaining a historical
         * record until a new pull request is created for this environment.
         */
        "externallyMergedOrClosed"?: boolean;
        /**
         * ID is the unique identifier of the pull request, set by the SCM.
         */
        "id"?: string;
        /**
         * PRCreationTime is the time when the pull request was created.
         */
        "prCreationTime"?: string;
        /**
         * PRMergeTime is the time when the pull request was merged. This time can vary slightly from the actual merge time because
         * it is the time when the ChangeTransferPolicy controller sets the pull requests spec to merge. In the future we plan on making
         * this time more accurate by fetching the actual merge time from the SCM via the webhook this would then be updated in the git note
         * for that commit.
         */
        "prMergeTime"?: string;
        /**
         * State is the state of the pull request.
         */
        "state"?: "closed" | "merged" | "open";
        /**
         * Url is the URL of the pull request.
         */
        "url"?: string;
      };
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
    /**
     * Proposed is the state of the proposed branch.
     */
    "proposed"?: {
      /**
       * CommitStatuses is a list of commit statuses that are being monitored for this branch.
       */
      "commitStatuses"?: Array<{
        /**
         * Description is the description of the commit status
         */
        "description"?: string;
        /**
         * Key staging hydrated branch
         */
        "key": string;
        /**
         * Phase what phase is the status in
         */
        "phase": "pending" | "success" | "failure";
        /**
         * Url is the URL of the commit status
         */
        "url"?: string;
      }>;
      /**
       * Dry is the dry state of the branch, which is the commit that is being proposed.
       */
      "dry"?: {
        /**
         * Author is the author of the commit
         */
        "author"?: string;
        /**
         * Body is the body of the commit message without the subject line
         */
        "body"?: string;
        /**
         * CommitTime is the time the commit was made
         */
        "commitTime"?: string;
        /**
         * References are the references to other commits, that went into the hydration of the branch
         */
        "references"?: Array<{
          /**
           * Commit contains metadata about the commit that is related in some way to another commit.
           */
          "commit"?: {
            /**
             * Author is the author of the commit.
             */
            "author"?: string;
            /**
             * Body is the body of the commit message, excluding the subject line, i.e. `git show --format=%b`.
             */
            "body"?: string;
            /**
             * Date is the date of the commit, formatted as by `git show -s --format=%aI`.
             */
            "date"?: string;
            /**
             * RepoURL is the URL of the repository where the commit is located.
             */
            "repoURL"?: string;
            /**
             * Sha is the commit hash.
             * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
             */
            "sha"?: string;
            /**
             * Subject is the subject line of the commit message, i.e. `git show --format=%s`.
             */
            "subject"?: string;
          };
        }>;
        /**
         * RepoURL is the URL of the repository where the commit is located
         */
        "repoURL"?: string;
        /**
         * Sha is the SHA of the commit in the branch
         * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
         */
        "sha"?: string;
        /**
         * Subject is the subject line of the commit message
         */
        "subject"?: string;
      };
      /**
       * Hydrated is the hydrated state of the branch, which is the commit that is currently being worked on.
       */
      "hydrated"?: {
        /**
         * Author is the author of the commit
         */
        "author"?: string;
        /**
         * Body is the body of the commit message without the subject line
         */
        "body"?: string;
        /**
         * CommitTime is the time the commit was made
         */
        "commitTime"?: string;
        /**
         * References are the references to other commits, that went into the hydration of the branch
         */
        "references"?: Array<{
          /**
           * Commit contains metadata about the commit that is related in some way to another commit.
           */
          "commit"?: {
            /**
             * Author is the author of the commit.
             */
            "author"?: string;
            /**
             * Body is the body of the commit message, excluding the subject line, i.e. `git show --format=%b`.
             */
            "body"?: string;
            /**
             * Date is the date of the commit, formatted as by `git show -s --format=%aI`.
             */
            "date"?: string;
            /**
             * RepoURL is the URL of the repository where the commit is located.
             */
            "repoURL"?: string;
            /**
             * Sha is the commit hash.
             * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
             */
            "sha"?: string;
            /**
             * Subject is the subject line of the commit message, i.e. `git show --format=%s`.
             */
            "subject"?: string;
          };
        }>;
        /**
         * RepoURL is the URL of the repository where the commit is located
         */
        "repoURL"?: string;
        /**
         * Sha is the SHA of the commit in the branch
         * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
         */
        "sha"?: string;
        /**
         * Subject is the subject line of the commit message
         */
        "subject"?: string;
      };
      /**
       * Note is the hydrator metadata from the git note attached to the hydrated commit.
       */
      "note"?: {
        /**
         * Author is the author of the dry commit that was used to hydrate the branch.
         */
        "author"?: string;
        /**
         * Body is the body of the dry commit that was used to hydrate the branch without the subject.
         */
        "body"?: string;
        /**
         * Date is the date of the dry commit that was used to hydrate the branch.
         */
        "date"?: string;
        /**
         * DrySha is the SHA of the commit that was used as the dry source for hydration.
         * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
         */
        "drySha"?: string;
        /**
         * References are the references to other commits, that went into the hydration of the branch.
         */
        "references"?: Array<{
          /**
           * Commit contains metadata about the commit that is related in some way to another commit.
           */
          "commit"?: {
            /**
             * Author is the author of the commit.
             */
            "author"?: string;
            /**
             * Body is the body of the commit message, excluding the subject line, i.e. `git show --format=%b`.
             */
            "body"?: string;
            /**
             * Date is the date of the commit, formatted as by `git show -s --format=%aI`.
             */
            "date"?: string;
            /**
             * RepoURL is the URL of the repository where the commit is located.
             */
            "repoURL"?: string;
            /**
             * Sha is the commit hash.
             * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
             */
            "sha"?: string;
            /**
             * Subject is the subject line of the commit message, i.e. `git show --format=%s`.
             */
            "subject"?: string;
          };
        }>;
        /**
         * RepoURL is the URL of the repository where the commit is located.
         */
        "repoURL"?: string;
        /**
         * Subject is the subject line of the dry commit that was used to hydrate the branch.
         */
        "subject"?: string;
      };
    };
    /**
     * PullRequest is the state of the pull request that was created for this ChangeTransferPolicy.
     */
    "pullRequest"?: {
      /**
       * ExternallyMergedOrClosed indicates that the pull request is no longer open on the SCM while the
       * PullRequest still desired it open: merged or closed outside the controller, or closed on the SCM
       * because the PullRequest resource was deleted (finalizer) before this status was reconciled.
       * When true, the State field will be empty ("") since we cannot tell merge vs. close from the provider.
       * This status is preserved even after the PullRequest resource is deleted, maintaining a historical
       * record until a new pull request is created for this environment.
       */
      "externallyMergedOrClosed"?: boolean;
      /**
       * ID is the unique identifier of the pull request, set by the SCM.
       */
      "id"?: string;
      /**
       * PRCreationTime is the time when the pull request was created.
       */
      "prCreationTime"?: string;
      /**
       * PRMergeTime is the time when the pull request was merged. This time can vary slightly from the actual merge time because
       * it is the time when the ChangeTransferPolicy controller sets the pull requests spec to merge. In the future we plan on making
       * this time more accurate by fetching the actual merge time from the SCM via the webhook this would then be updated in the git note
       * for that commit.
       */
      "prMergeTime"?: string;
      /**
       * State is the state of the pull request.
       */
      "state"?: "closed" | "merged" | "open";
      /**
       * Url is the URL of the pull request.
       */
      "url"?: string;
    };
  };
}

/**
 * ChangeTransferPolicy is the Schema for the changetransferpolicies API
 */
export class ChangeTransferPolicy extends Model<IChangeTransferPolicy> implements IChangeTransferPolicy {
  "apiVersion": IChangeTransferPolicy["apiVersion"];
  "kind": IChangeTransferPolicy["kind"];
  "metadata"?: IChangeTransferPolicy["metadata"];
  "spec"?: IChangeTransferPolicy["spec"];
  "status"?: IChangeTransferPolicy["status"];

static apiVersion: IChangeTransferPolicy["apiVersion"] = "promoter.argoproj.io/v1alpha1";
static kind: IChangeTransferPolicy["kind"] = "ChangeTransferPolicy";
static is = createTypeMetaGuard<IChangeTransferPolicy>(ChangeTransferPolicy);

constructor(data?: ModelData<IChangeTransferPolicy>) {
  super();

  this.setDefinedProps({
    apiVersion: ChangeTransferPolicy.apiVersion,
    kind: ChangeTransferPolicy.kind,
    ...data
  } as IChangeTransferPolicy);
}
}


setValidateFunc(ChangeTransferPolicy, validate as ValidateFunc<IChangeTransferPolicy>);
