import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/PromoterArgoprojIoV1alpha1ArgoCDCommitStatus";

/**
 * ArgoCDCommitStatus is the Schema for the argocdcommitstatuses API.
 */
export interface IArgoCDCommitStatus {
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
  "kind": "ArgoCDCommitStatus";
  "metadata"?: IObjectMeta;
  /**
   * ArgoCDCommitStatusSpec defines the desired state of ArgoCDCommitStatus.
   */
  "spec"?: {
    /**
     * ApplicationSelector is a label selector that selects the Argo CD applications to which this commit status applies.
     */
    "applicationSelector": {
      /**
       * matchExpressions is a list of label selector requirements. The requirements are ANDed.
       */
      "matchExpressions"?: Array<{
        /**
         * key is the label key that the selector applies to.
         */
        "key": string;
        /**
         * operator represents a key's relationship to a set of values.
         * Valid operators are In, NotIn, Exists and DoesNotExist.
         */
        "operator": string;
        /**
         * values is an array of string values. If the operator is In or NotIn,
         * the values array must be non-empty. If the operator is Exists or DoesNotExist,
         * the values array must be empty. This array is replaced during a strategic
         * merge patch.
         */
        "values"?: Array<string>;
      }>;
      /**
       * matchLabels is a map of {key,value} pairs. A single {key,value} in the matchLabels
       * map is equivalent to an element of matchExpressions, whose key field is "key", the
       * operator is "In", and the values array contains only "value". The requirements are ANDed.
       */
      "matchLabels"?: {
        [key: string]: string;
      };
    };
    /**
     * Key is the gate name referenced in the PromotionStrategy's activeCommitStatuses.
     * When omitted, the CRD default is argocd-health. Set Key explicitly, even if you use the CRD default.
     * Must be lowercase alphanumeric with hyphens, 1–63 characters (pattern: ^[a-z0-9]([-a-z0-9]\*[a-z0-9])?$).
     */
    "key"?: string;
    /**
     * PromotionStrategyRef is a reference to the promotion strategy that this commit status applies to.
     */
    "promotionStrategyRef": {
      /**
       * Name is the name of the object to refer to.
       */
      "name": string;
    };
    /**
     * URL generates the URL to use in the CommitStatus, for example a link to the Argo CD UI.
     */
    "url"?: {
      /**
       * Options sets options for the template. Options are described by
       * strings, either a simple string or "key=value". There can be at
       * most one equals sign in an option string. If the option string
       * is unrecognized or otherwise invalid, Option panics.
       * 
       * Known options:
       * 
       * missingkey: Control the behavior during execution if a map is
       * indexed with a key that is not present in the map.
       * 
       * 	"missingkey=default" or "missingkey=invalid"
       * 		The default behavior: Do nothing and continue execution.
       * 		If printed, the result of the index operation is the string
       * 		"<no value>".
       * 	"missingkey=zero"
       * 		The operation returns the zero value for the map type's element.
       * 	"missingkey=error"
       * 		Execution stops immediately with an error.
       */
      "options"?: Array<string>;
      /**
       * Template is a go text template and receives .Environment and .ArgoCDCommitStatus variables. A function called urlQueryEscape
       * is available to escape url query parameters. The template can be configured with options to control the behavior
       * during execution if a variable is not present.
       * 
       * Example:
       * 
       *   {{- $baseURL := "https://dev.argocd.local" -}}
       *   {{- if eq .Environment "environment/development" -}}
       *   {{- $baseURL = "https://dev.argocd.local" -}}
       *   {{- else if eq .Environment "environment/staging" -}}
       *   {{- $baseURL = "https://staging.argocd.local" -}}
       *   {{- else if eq .Environment "environment/production" -}}
       *   {{- $baseURL = "https://prod.argocd.local" -}}
       *   {{- end -}}
       *   {{- $labels := "" -}}
       *   {{- range $key, $value := .ArgoCDCommitStatus.Spec.ApplicationSelector.MatchLabels -}}
       *   {{- $labels = printf "%s%s=%s," $labels $key $value -}}
       *   {{- end -}}
       *   {{ printf "%s/applications?labels=%s" $baseURL (urlQueryEscape $labels) }}
       */
      "template"?: string;
    };
  };
  /**
   * ArgoCDCommitStatusStatus defines the observed state of ArgoCDCommitStatus.
   */
  "status"?: {
    /**
     * ApplicationsSelected represents the Argo CD applications that are selected by the commit status.
     * This field is sorted by environment (same order as the referenced PromotionStrategy), then namespace, then name.
     */
    "applicationsSelected"?: Array<{
      /**
       * ClusterName is the name of the cluster that the application manifest is deployed to. An empty string indicates
       * the local cluster. There is no minimum length, since the local cluster is represented by an empty string.
       */
      "clusterName": string;
      /**
       * Environment is the syncSource.targetBranch of the Argo CD application (in effect, its environment).
       */
      "environment": string;
      /**
       * LastTransitionTime is the last time the phase transitioned.
       */
      "lastTransitionTime"?: string;
      /**
       * Name is the name of the Argo CD application.
       */
      "name": string;
      /**
       * Namespace is the namespace of the Argo CD application.
       */
      "namespace": string;
      /**
       * Phase is the current phase of the commit status.
       */
      "phase": "pending" | "success" | "failure";
      /**
       * Sha is the commit SHA that the application is synced to.
       * This field is only populated when the application's sync status is Synced.
       * When the sync status is OutOfSync or Unknown, this field will be empty because
       * Status.Sync.Revision may contain a branch name instead of a SHA.
       * Supports both SHA-1 (40 chars) and SHA-256 (64 chars) Git hash formats.
       */
      "sha": string;
    }>;
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
 * ArgoCDCommitStatus is the Schema for the argocdcommitstatuses API.
 */
export class ArgoCDCommitStatus extends Model<IArgoCDCommitStatus> implements IArgoCDCommitStatus {
  "apiVersion": IArgoCDCommitStatus["apiVersion"];
  "kind": IArgoCDCommitStatus["kind"];
  "metadata"?: IArgoCDCommitStatus["metadata"];
  "spec"?: IArgoCDCommitStatus["spec"];
  "status"?: IArgoCDCommitStatus["status"];

static apiVersion: IArgoCDCommitStatus["apiVersion"] = "promoter.argoproj.io/v1alpha1";
static kind: IArgoCDCommitStatus["kind"] = "ArgoCDCommitStatus";
static is = createTypeMetaGuard<IArgoCDCommitStatus>(ArgoCDCommitStatus);

constructor(data?: ModelData<IArgoCDCommitStatus>) {
  super();

  this.setDefinedProps({
    apiVersion: ArgoCDCommitStatus.apiVersion,
    kind: ArgoCDCommitStatus.kind,
    ...data
  } as IArgoCDCommitStatus);
}
}


setValidateFunc(ArgoCDCommitStatus, validate as ValidateFunc<IArgoCDCommitStatus>);
