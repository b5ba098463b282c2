import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/PromoterArgoprojIoV1alpha1RevertCommit";

/**
 * RevertCommit is the Schema for the revertcommits API
 */
export interface IRevertCommit {
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
  "kind": "RevertCommit";
  "metadata"?: IObjectMeta;
  /**
   * RevertCommitSpec defines the desired state of RevertCommit
   */
  "spec"?: {
    /**
     * Foo is an example field of RevertCommit. Edit revertcommit_types.go to remove/update
     */
    "foo"?: string;
  };
  /**
   * RevertCommitStatus defines the observed state of RevertCommit
   */
  "status"?: {
  };
}

/**
 * RevertCommit is the Schema for the revertcommits API
 */
export class RevertCommit extends Model<IRevertCommit> implements IRevertCommit {
  "apiVersion": IRevertCommit["apiVersion"];
  "kind": IRevertCommit["kind"];
  "metadata"?: IRevertCommit["metadata"];
  "spec"?: IRevertCommit["spec"];
  "status"?: IRevertCommit["status"];

static apiVersion: IRevertCommit["apiVersion"] = "promoter.argoproj.io/v1alpha1";
static kind: IRevertCommit["kind"] = "RevertCommit";
static is = createTypeMetaGuard<IRevertCommit>(RevertCommit);

constructor(data?: ModelData<IRevertCommit>) {
  super();

  this.setDefinedProps({
    apiVersion: RevertCommit.apiVersion,
    kind: RevertCommit.kind,
    ...data
  } as IRevertCommit);
}
}


setValidateFunc(RevertCommit, validate as ValidateFunc<IRevertCommit>);
