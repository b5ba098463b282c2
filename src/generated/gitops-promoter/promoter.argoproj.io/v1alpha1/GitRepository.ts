import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/PromoterArgoprojIoV1alpha1GitRepository";

/**
 * GitRepository is the Schema for the gitrepositories API
 */
export interface IGitRepository {
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
  "kind": "GitRepository";
  "metadata"?: IObjectMeta;
  /**
   * GitRepositorySpec defines the desired state of GitRepository
   */
  "spec"?: {
    /**
     * AzureDevOpsRepo is a repository in Azure DevOps, identified by its project and name.
     */
    "azureDevOps"?: {
      /**
       * Name is the name of the repository.
       */
      "name": string;
      /**
       * Project is the project name in Azure DevOps.
       */
      "project": string;
    };
    /**
     * BitbucketCloudRepo is a repository in Bitbucket Cloud, identified by its owner and name.
     */
    "bitbucketCloud"?: {
      /**
       * Name is the name of the repository.
       */
      "name": string;
      /**
       * Owner is the owner of the repository (can be a user or workspace).
       */
      "owner": string;
    };
    /**
     * FakeRepo is a placeholder for a repository in the fake SCM provider, used for testing purposes.
     */
    "fake"?: {
      /**
       * Name is the name of the repository.
       */
      "name": string;
      /**
       * Owner is the owner of the repository.
       */
      "owner": string;
    };
    /**
     * ForgejoRepo is a repository in Forgejo, identified by its owner and name.
     */
    "forgejo"?: {
      /**
       * Name is the name of the repository.
       */
      "name": string;
      /**
       * Owner is the owner of the repository.
       */
      "owner": string;
    };
    /**
     * GiteaRepo is a repository in Gitea, identified by its owner and name.
     */
    "gitea"?: {
      /**
       * Name is the name of the repository.
       */
      "name": string;
      /**
       * Owner is the owner of the repository.
       */
      "owner": string;
    };
    /**
     * GitHubRepo is a repository in GitHub, identified by its owner and name.
     */
    "github"?: {
      /**
       * Name is the name of the repository.
       */
      "name": string;
      /**
       * Owner is the owner of the repository, which can be a user or an organization.
       */
      "owner": string;
    };
    /**
     * GitLabRepo is a repository in GitLab, identified by its namespace, name, and project ID.
     */
    "gitlab"?: {
      /**
       * Name is the project slug of the repository.
       */
      "name": string;
      /**
       * Namespace is the user, group or group with subgroup (e.g. group/subgroup).
       */
      "namespace": string;
      /**
       * ProjectID is the ID of the project in GitLab.
       */
      "projectId": number;
    };
    /**
     * ScmProviderObjectReference is a reference to a SCM provider object.
     */
    "scmProviderRef": {
      /**
       * Kind is the type of resource being referenced
       */
      "kind": "ScmProvider" | "ClusterScmProvider";
      /**
       * Name is the name of the resource being referenced
       */
      "name": string;
    };
  };
  /**
   * GitRepositoryStatus defines the observed state of GitRepository
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
 * GitRepository is the Schema for the gitrepositories API
 */
export class GitRepository extends Model<IGitRepository> implements IGitRepository {
  "apiVersion": IGitRepository["apiVersion"];
  "kind": IGitRepository["kind"];
  "metadata"?: IGitRepository["metadata"];
  "spec"?: IGitRepository["spec"];
  "status"?: IGitRepository["status"];

static apiVersion: IGitRepository["apiVersion"] = "promoter.argoproj.io/v1alpha1";
static kind: IGitRepository["kind"] = "GitRepository";
static is = createTypeMetaGuard<IGitRepository>(GitRepository);

constructor(data?: ModelData<IGitRepository>) {
  super();

  this.setDefinedProps({
    apiVersion: GitRepository.apiVersion,
    kind: GitRepository.kind,
    ...data
  } as IGitRepository);
}
}


setValidateFunc(GitRepository, validate as ValidateFunc<IGitRepository>);
