package v1alpha1

import (
	"reflect"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Named string types of api/v1alpha1 (their name and underlying type only). They matter: expr-lang's == has no case
// for a named string, so `Phase == 'success'` is false in the controller (vm/runtime Equal falls back to
// reflect.DeepEqual), and a plain string would make it true.
type (
	CommitStatusPhase string // commitstatus_types.go
	PullRequestState  string // pullrequest_types.go
	ContextMode       string // webrequestcommitstatus_types.go
)

// Exception is a fact of upstream's Go declaration that the CRD schema does not carry.
type Exception struct {
	// Path is the property's JSON path ("." between properties, "[]" for an array's items, the kind first) or a
	// suffix of it at a property boundary; it applies wherever the same upstream field is reached.
	Path string
	// GoName is upstream's field name where it is not the JSON name with its first letter upper-cased.
	GoName string
	// Type is upstream's Go type where the schema does not say it (a named string, metav1.Duration, a Kubernetes type).
	Type reflect.Type
	// Pointer: upstream's field is a pointer (nil when absent: `{{ if }}`, `!= nil` and printing `<nil>` see it).
	Pointer bool
	// Upstream is where gitops-promoter v0.36.0 declares the field: api/v1alpha1/<file> Type.Field.
	Upstream string
}

// exceptions, found once by comparing the types derived by the rules alone with every field reachable from
// PromotionStrategy and WebRequestCommitStatus in api/v1alpha1/*_types.go at v0.36.0 (conformance/README.md): each
// entry differs there in name, pointer or type. FromCRDs fails when an entry matches no property, or two entries
// one property.
var exceptions = []Exception{
	// Go names that are not the JSON name's first letter upper-cased.
	{Path: "spec.gitRepositoryRef", GoName: "RepositoryReference", Upstream: "promotionstrategy_types.go PromotionStrategySpec.RepositoryReference"},
	{Path: "pullRequest.id", GoName: "ID", Upstream: "changetransferpolicy_types.go PullRequestCommonStatus.ID"},
	{Path: "pullRequest.prCreationTime", GoName: "PRCreationTime", Upstream: "changetransferpolicy_types.go PullRequestCommonStatus.PRCreationTime"},
	{Path: "pullRequest.prMergeTime", GoName: "PRMergeTime", Upstream: "changetransferpolicy_types.go PullRequestCommonStatus.PRMergeTime"},
	{Path: "spec.httpRequest", GoName: "HTTPRequest", Upstream: "webrequestcommitstatus_types.go WebRequestCommitStatusSpec.HTTPRequest"},
	{Path: "httpRequest.urlTemplate", GoName: "URLTemplate", Upstream: "webrequestcommitstatus_types.go HTTPRequestSpec.URLTemplate (the spec's own urlTemplate is UrlTemplate, by the rule)"},
	{Path: "authentication.oauth2", GoName: "OAuth2", Pointer: true, Upstream: "httpauth_types.go HTTPAuthentication.OAuth2 (*OAuth2Auth)"},
	{Path: "authentication.tls", GoName: "TLS", Pointer: true, Upstream: "httpauth_types.go HTTPAuthentication.TLS (*TLSAuth)"},

	// Pointers.
	{Path: "spec.environments[].autoMerge", Pointer: true, Upstream: "promotionstrategy_types.go Environment.AutoMerge (*bool)"},
	{Path: "PromotionStrategy.spec.pullRequest", Pointer: true, Upstream: "promotionstrategy_types.go PromotionStrategySpec.PullRequest (*PullRequestPolicySpec)"},
	{Path: "pullRequest.labels", Pointer: true, Upstream: "promotionstrategy_types.go PullRequestPolicySpec.Labels (*ScmLabelsSpec)"},
	{Path: "status.instanceID", Pointer: true, Upstream: "promotionstrategy_types.go PromotionStrategyStatus.InstanceID, webrequestcommitstatus_types.go WebRequestCommitStatusStatus.InstanceID (*string)"},
	{Path: "status.environments[].pullRequest", Pointer: true, Upstream: "promotionstrategy_types.go EnvironmentStatus.PullRequest (*PullRequestCommonStatus)"},
	{Path: "history[].pullRequest", Pointer: true, Upstream: "changetransferpolicy_types.go History.PullRequest (*PullRequestCommonStatus)"},
	{Path: "pullRequest.externallyMergedOrClosed", Pointer: true, Upstream: "changetransferpolicy_types.go PullRequestCommonStatus.ExternallyMergedOrClosed (*bool)"},
	{Path: "note", Pointer: true, Upstream: "changetransferpolicy_types.go CommitBranchState.Note (*HydratorMetadata)"},
	{Path: "references[].commit", Pointer: true, Upstream: "common_types.go RevisionReference.Commit (*CommitMetadata)"},
	{Path: "references[].commit.date", Pointer: true, Upstream: "common_types.go CommitMetadata.Date (*metav1.Time; HydratorMetadata.Date is not a pointer)"},
	{Path: "httpRequest.authentication", Pointer: true, Upstream: "webrequestcommitstatus_types.go HTTPRequestSpec.Authentication (*HTTPAuthentication)"},
	{Path: "authentication.basic", Pointer: true, Upstream: "httpauth_types.go HTTPAuthentication.Basic (*BasicAuth)"},
	{Path: "authentication.bearer", Pointer: true, Upstream: "httpauth_types.go HTTPAuthentication.Bearer (*BearerAuth)"},
	{Path: "authentication.scm", Pointer: true, Upstream: "httpauth_types.go HTTPAuthentication.Scm (*Scm)"},
	{Path: "mode.polling", Pointer: true, Upstream: "webrequestcommitstatus_types.go ModeSpec.Polling (*PollingModeSpec)"},
	{Path: "mode.trigger", Pointer: true, Upstream: "webrequestcommitstatus_types.go ModeSpec.Trigger (*TriggerModeSpec)"},
	{Path: "trigger.response", Pointer: true, Upstream: "webrequestcommitstatus_types.go TriggerModeSpec.Response (*ResponseOutputSpec)"},
	{Path: "when.variables", Pointer: true, Upstream: "webrequestcommitstatus_types.go WhenWithOutputSpec.Variables (*OutputSpec)"},
	{Path: "when.output", Pointer: true, Upstream: "webrequestcommitstatus_types.go WhenWithOutputSpec.Output (*OutputSpec)"},
	{Path: "status.promotionStrategyContext", Pointer: true, Upstream: "webrequestcommitstatus_types.go WebRequestCommitStatusStatus.PromotionStrategyContext"},
	{Path: "lastRequestTime", Pointer: true, Upstream: "webrequestcommitstatus_types.go WebRequestCommitStatusEnvironmentStatus and WebRequestCommitStatusPromotionStrategyContextStatus .LastRequestTime (*metav1.Time)"},
	{Path: "lastResponseStatusCode", Pointer: true, Upstream: "webrequestcommitstatus_types.go WebRequestCommitStatusEnvironmentStatus and WebRequestCommitStatusPromotionStrategyContextStatus .LastResponseStatusCode (*int)"},
	{Path: "triggerOutput", Pointer: true, Upstream: "webrequestcommitstatus_types.go WebRequestCommitStatusEnvironmentStatus and WebRequestCommitStatusPromotionStrategyContextStatus .TriggerOutput (*apiextensionsv1.JSON)"},
	{Path: "responseOutput", Pointer: true, Upstream: "webrequestcommitstatus_types.go WebRequestCommitStatusEnvironmentStatus and WebRequestCommitStatusPromotionStrategyContextStatus .ResponseOutput (*apiextensionsv1.JSON)"},
	{Path: "successOutput", Pointer: true, Upstream: "webrequestcommitstatus_types.go WebRequestCommitStatusEnvironmentStatus and WebRequestCommitStatusPromotionStrategyContextStatus .SuccessOutput (*apiextensionsv1.JSON)"},

	// Go types the schema does not say (metav1.Duration is a plain string there).
	{Path: "mode.polling.interval", Type: reflect.TypeFor[metav1.Duration](), Upstream: "webrequestcommitstatus_types.go PollingModeSpec.Interval"},
	{Path: "trigger.requeueDuration", Type: reflect.TypeFor[metav1.Duration](), Upstream: "webrequestcommitstatus_types.go TriggerModeSpec.RequeueDuration"},
	{Path: "httpRequest.timeout", Type: reflect.TypeFor[metav1.Duration](), Upstream: "webrequestcommitstatus_types.go HTTPRequestSpec.Timeout"},
	{Path: "WebRequestCommitStatus.status.environments[].phase", Type: reflect.TypeFor[CommitStatusPhase](), Upstream: "webrequestcommitstatus_types.go WebRequestCommitStatusEnvironmentStatus.Phase"},
	{Path: "phasePerBranch[].phase", Type: reflect.TypeFor[CommitStatusPhase](), Upstream: "webrequestcommitstatus_types.go WebRequestCommitStatusPhasePerBranchItem.Phase"},
	{Path: "pullRequest.state", Type: reflect.TypeFor[PullRequestState](), Upstream: "changetransferpolicy_types.go PullRequestCommonStatus.State"},
	{Path: "mode.context", Type: reflect.TypeFor[ContextMode](), Upstream: "webrequestcommitstatus_types.go ModeSpec.Context"},
	{Path: "status.conditions", Type: reflect.TypeFor[[]metav1.Condition](), Upstream: "promotionstrategy_types.go PromotionStrategyStatus.Conditions, webrequestcommitstatus_types.go WebRequestCommitStatusStatus.Conditions"},
	{Path: "secretRef", Type: reflect.TypeFor[corev1.LocalObjectReference](), Pointer: true, Upstream: "httpauth_types.go BasicAuth, BearerAuth, OAuth2Auth, TLSAuth .SecretRef (*corev1.LocalObjectReference)"},
}
