import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/PromoterArgoprojIoV1alpha1ClusterScmProvider";

/**
 * ClusterScmProvider is the Schema for the clusterscmproviders API.
 */
export interface IClusterScmProvider {
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
  "kind": "ClusterScmProvider";
  "metadata"?: IObjectMeta;
  /**
   * ScmProviderSpec defines the desired state of ScmProvider
   */
  "spec"?: {
    /**
     * AzureDevOps required configuration for Azure DevOps as the SCM provider
     */
    "azureDevOps"?: {
      /**
       * Domain is the Azure DevOps domain, such as "dev.azure.com". If using the default Azure DevOps domain, leave this field empty.
       */
      "domain"?: string;
      /**
       * Organization is the Azure DevOps organization name.
       */
      "organization": string;
    };
    /**
     * BitbucketCloud required configuration for Bitbucket Cloud as the SCM provider
     */
    "bitbucketCloud"?: {
    };
    /**
     * Fake required configuration for Fake as the SCM provider
     */
    "fake"?: {
      /**
       * Domain is the domain of the fake SCM provider. This is used for testing purposes.
       */
      "domain"?: string;
    };
    /**
     * Forgejo required configuration for Forgejo as the SCM provider
     */
    "forgejo"?: {
      /**
       * Domain is the Forgejo domain, such as "codeberg.org" or "forgejo.mycompany.com".
       * There is no default domain since Forgejo is not a service like Gitlab or Github.
       */
      "domain": string;
    };
    /**
     * Gitea required configuration for Gitea as the SCM provider
     */
    "gitea"?: {
      /**
       * Domain is the Gitea domain, such as "gitea.com" or "gitea.mycompany.com".
       * There is no default domain since Gitea is self-hosted.
       */
      "domain": string;
    };
    /**
     * GitHub required configuration for GitHub as the SCM provider
     */
    "github"?: {
      /**
       * AppID is the GitHub App ID.
       */
      "appID": number;
      /**
       * Domain is the GitHub domain, such as "github.mycompany.com". If using the default GitHub domain, leave this field
       * empty.
       */
      "domain"?: string;
      /**
       * InstallationID is the GitHub App Installation ID. If you want to use this ScmProvider for multiple
       * GitHub orgs, do not specify this field. The installation ID will be inferred from the repo owner
       * when needed.
       */
      "installationID"?: number;
    };
    /**
     * GitLab required configuration for GitLab as the SCM provider
     */
    "gitlab"?: {
      /**
       * Domain is the GitLab domain, such as "gitlab.mycompany.com". If using the default GitLab domain, leave this field
       * empty.
       */
      "domain"?: string;
    };
    /**
     * SecretRef contains the credentials required to auth to a specific provider
     */
    "secretRef"?: {
      /**
       * Name of the referent.
       * This field is effectively required, but due to backwards compatibility is
       * allowed to be empty. Instances of this type with an empty value here are
       * almost certainly wrong.
       * More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names
       */
      "name"?: string;
    };
  };
  /**
   * ScmProviderStatus defines the observed state of ScmProvider
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
 * ClusterScmProvider is the Schema for the clusterscmproviders API.
 */
export class ClusterScmProvider extends Model<IClusterScmProvider> implements IClusterScmProvider {
  "apiVersion": IClusterScmProvider["apiVersion"];
  "kind": IClusterScmProvider["kind"];
  "metadata"?: IClusterScmProvider["metadata"];
  "spec"?: IClusterScmProvider["spec"];
  "status"?: IClusterScmProvider["status"];

static apiVersion: IClusterScmProvider["apiVersion"] = "promoter.argoproj.io/v1alpha1";
static kind: IClusterScmProvider["kind"] = "ClusterScmProvider";
static is = createTypeMetaGuard<IClusterScmProvider>(ClusterScmProvider);

constructor(data?: ModelData<IClusterScmProvider>) {
  super();

  this.setDefinedProps({
    apiVersion: ClusterScmProvider.apiVersion,
    kind: ClusterScmProvider.kind,
    ...data
  } as IClusterScmProvider);
}
}


setValidateFunc(ClusterScmProvider, validate as ValidateFunc<IClusterScmProvider>);
