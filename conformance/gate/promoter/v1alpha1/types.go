// Package v1alpha1 declares the shape of github.com/argoproj-labs/gitops-promoter v0.36.0 api/v1alpha1 that the
// WebRequestCommitStatus controller hands to its templates and expressions: every type reachable from
// PromotionStrategy and WebRequestCommitStatus, field for field (names, Go types, json tags, order), comments,
// markers and methods left out. The promoter module cannot be fetched here (the Go module proxy answers 403), so its
// types are declared, not imported; conformance/README.md says how they were taken and how to refresh them. Types of
// k8s.io/api, k8s.io/apimachinery and k8s.io/apiextensions-apiserver are the upstream ones, at the promoter's versions.
package v1alpha1

import (
	corev1 "k8s.io/api/core/v1"
	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Declared in api/v1alpha1/changetransferpolicy_types.go.
type ChangeRequestPolicyCommitStatusPhase struct {
	Key         string `json:"key"`
	Phase       string `json:"phase"`
	Url         string `json:"url,omitempty"`
	Description string `json:"description,omitempty"`
}
type CommitBranchState struct {
	Dry            CommitShaState                         `json:"dry,omitempty"`
	Hydrated       CommitShaState                         `json:"hydrated,omitempty"`
	Note           *HydratorMetadata                      `json:"note,omitempty"`
	CommitStatuses []ChangeRequestPolicyCommitStatusPhase `json:"commitStatuses,omitempty"`
}
type HydratorMetadata struct {
	RepoURL    string              `json:"repoURL,omitempty"`
	DrySha     string              `json:"drySha,omitempty"`
	Author     string              `json:"author,omitempty"`
	Date       metav1.Time         `json:"date,omitempty"`
	Subject    string              `json:"subject,omitempty"`
	Body       string              `json:"body,omitempty"`
	References []RevisionReference `json:"references,omitempty"`
}
type CommitShaState struct {
	Sha        string              `json:"sha,omitempty"`
	CommitTime metav1.Time         `json:"commitTime,omitempty"`
	RepoURL    string              `json:"repoURL,omitempty"`
	Author     string              `json:"author,omitempty"`
	Subject    string              `json:"subject,omitempty"`
	Body       string              `json:"body,omitempty"`
	References []RevisionReference `json:"references,omitempty"`
}
type History struct {
	Proposed    CommitBranchStateHistoryProposed `json:"proposed,omitempty"`
	Active      CommitBranchState                `json:"active,omitempty"`
	PullRequest *PullRequestCommonStatus         `json:"pullRequest,omitempty"`
}
type CommitBranchStateHistoryProposed struct {
	Hydrated       CommitShaState                         `json:"hydrated,omitempty"`
	CommitStatuses []ChangeRequestPolicyCommitStatusPhase `json:"commitStatuses,omitempty"`
}
type PullRequestCommonStatus struct {
	ID                       string           `json:"id,omitempty"`
	State                    PullRequestState `json:"state,omitempty"`
	PRCreationTime           metav1.Time      `json:"prCreationTime,omitempty"`
	PRMergeTime              metav1.Time      `json:"prMergeTime,omitempty"`
	Url                      string           `json:"url,omitempty"`
	ExternallyMergedOrClosed *bool            `json:"externallyMergedOrClosed,omitempty"`
}

// Declared in api/v1alpha1/commitstatus_types.go.
type CommitStatusPhase string

// Declared in api/v1alpha1/common_types.go.
type ObjectReference struct {
	Name string `json:"name"`
}
type CommitMetadata struct {
	Author  string       `json:"author,omitempty"`
	Date    *metav1.Time `json:"date,omitempty"`
	Subject string       `json:"subject,omitempty"`
	Body    string       `json:"body,omitempty"`
	Sha     string       `json:"sha,omitempty"`
	RepoURL string       `json:"repoURL,omitempty"`
}
type RevisionReference struct {
	Commit *CommitMetadata `json:"commit,omitempty"`
}

// Declared in api/v1alpha1/httpauth_types.go.
type HTTPAuthentication struct {
	Basic  *BasicAuth  `json:"basic,omitempty"`
	Bearer *BearerAuth `json:"bearer,omitempty"`
	OAuth2 *OAuth2Auth `json:"oauth2,omitempty"`
	TLS    *TLSAuth    `json:"tls,omitempty"`
	Scm    *Scm        `json:"scm,omitempty"`
}
type BasicAuth struct {
	SecretRef *corev1.LocalObjectReference `json:"secretRef"`
}
type BearerAuth struct {
	SecretRef *corev1.LocalObjectReference `json:"secretRef"`
}
type OAuth2Auth struct {
	TokenURL  string                       `json:"tokenURL"`
	Scopes    []string                     `json:"scopes,omitempty"`
	SecretRef *corev1.LocalObjectReference `json:"secretRef"`
}
type TLSAuth struct {
	SecretRef *corev1.LocalObjectReference `json:"secretRef"`
}
type Scm struct{}

// Declared in api/v1alpha1/promotionstrategy_types.go.
type PromotionStrategySpec struct {
	RepositoryReference    ObjectReference        `json:"gitRepositoryRef"`
	ActiveCommitStatuses   []CommitStatusSelector `json:"activeCommitStatuses,omitempty"`
	ProposedCommitStatuses []CommitStatusSelector `json:"proposedCommitStatuses,omitempty"`
	Environments           []Environment          `json:"environments"`
	ActivePath             string                 `json:"activePath,omitempty"`
	PullRequest            *PullRequestPolicySpec `json:"pullRequest,omitempty"`
}
type Environment struct {
	Branch                 string                 `json:"branch"`
	AutoMerge              *bool                  `json:"autoMerge,omitempty"`
	ActiveCommitStatuses   []CommitStatusSelector `json:"activeCommitStatuses,omitempty"`
	ProposedCommitStatuses []CommitStatusSelector `json:"proposedCommitStatuses,omitempty"`
	ActivePath             string                 `json:"activePath,omitempty"`
}
type CommitStatusSelector struct {
	Key string `json:"key"`
}
type ScmLabelsSpec struct {
	Expression string `json:"expression"`
}
type PullRequestPolicySpec struct {
	Labels *ScmLabelsSpec `json:"labels,omitempty"`
}
type PromotionStrategyStatus struct {
	ObservedGeneration int64               `json:"observedGeneration,omitempty"`
	Environments       []EnvironmentStatus `json:"environments"`
	Conditions         []metav1.Condition  `json:"conditions,omitempty" patchStrategy:"merge" patchMergeKey:"type"`
	InstanceID         *string             `json:"instanceID,omitempty"`
}
type EnvironmentStatus struct {
	Branch             string                   `json:"branch"`
	Proposed           CommitBranchState        `json:"proposed"`
	Active             CommitBranchState        `json:"active"`
	PullRequest        *PullRequestCommonStatus `json:"pullRequest,omitempty"`
	LastHealthyDryShas []HealthyDryShas         `json:"lastHealthyDryShas"`
	History            []History                `json:"history,omitempty"`
}
type HealthyDryShas struct {
	Sha  string      `json:"sha"`
	Time metav1.Time `json:"time"`
}
type PromotionStrategy struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              PromotionStrategySpec   `json:"spec"`
	Status            PromotionStrategyStatus `json:"status,omitempty"`
}

// Declared in api/v1alpha1/pullrequest_types.go.
type PullRequestState string

// Declared in api/v1alpha1/webrequestcommitstatus_types.go.
type ContextMode string
type WebRequestCommitStatusSpec struct {
	PromotionStrategyRef ObjectReference `json:"promotionStrategyRef"`
	Key                  string          `json:"key"`
	DescriptionTemplate  string          `json:"descriptionTemplate,omitempty"`
	UrlTemplate          string          `json:"urlTemplate,omitempty"`
	ReportOn             string          `json:"reportOn,omitempty"`
	HTTPRequest          HTTPRequestSpec `json:"httpRequest"`
	Success              SuccessSpec     `json:"success"`
	Mode                 ModeSpec        `json:"mode"`
}
type ModeSpec struct {
	Polling *PollingModeSpec `json:"polling,omitempty"`
	Trigger *TriggerModeSpec `json:"trigger,omitempty"`
	Context ContextMode      `json:"context,omitempty"`
}
type PollingModeSpec struct {
	Interval metav1.Duration `json:"interval,omitempty"`
}
type SuccessSpec struct {
	When WhenWithOutputSpec `json:"when"`
}
type OutputSpec struct {
	Expression string `json:"expression"`
}
type TriggerModeSpec struct {
	RequeueDuration metav1.Duration     `json:"requeueDuration,omitempty"`
	When            WhenWithOutputSpec  `json:"when"`
	Response        *ResponseOutputSpec `json:"response,omitempty"`
}
type WhenWithOutputSpec struct {
	Variables  *OutputSpec `json:"variables,omitempty"`
	Expression string      `json:"expression"`
	Output     *OutputSpec `json:"output,omitempty"`
}
type ResponseOutputSpec struct {
	Output OutputSpec `json:"output"`
}
type HTTPRequestSpec struct {
	URLTemplate     string              `json:"urlTemplate"`
	Method          string              `json:"method,omitempty"`
	MethodTemplate  string              `json:"methodTemplate,omitempty"`
	HeaderTemplates map[string]string   `json:"headerTemplates,omitempty"`
	BodyTemplate    string              `json:"bodyTemplate,omitempty"`
	Timeout         metav1.Duration     `json:"timeout,omitempty"`
	Authentication  *HTTPAuthentication `json:"authentication,omitempty"`
}
type WebRequestCommitStatusStatus struct {
	ObservedGeneration       int64                                                 `json:"observedGeneration,omitempty"`
	Environments             []WebRequestCommitStatusEnvironmentStatus             `json:"environments,omitempty"`
	PromotionStrategyContext *WebRequestCommitStatusPromotionStrategyContextStatus `json:"promotionStrategyContext,omitempty"`
	Conditions               []metav1.Condition                                    `json:"conditions,omitempty"`
	InstanceID               *string                                               `json:"instanceID,omitempty"`
}
type WebRequestCommitStatusPhasePerBranchItem struct {
	Branch string            `json:"branch"`
	Phase  CommitStatusPhase `json:"phase"`
}
type WebRequestCommitStatusLastSuccessfulShaItem struct {
	Branch            string `json:"branch"`
	LastSuccessfulSha string `json:"lastSuccessfulSha,omitempty"`
}
type WebRequestCommitStatusPromotionStrategyContextStatus struct {
	PhasePerBranch         []WebRequestCommitStatusPhasePerBranchItem    `json:"phasePerBranch,omitempty"`
	LastRequestTime        *metav1.Time                                  `json:"lastRequestTime,omitempty"`
	LastResponseStatusCode *int                                          `json:"lastResponseStatusCode,omitempty"`
	TriggerOutput          *apiextensionsv1.JSON                         `json:"triggerOutput,omitempty"`
	ResponseOutput         *apiextensionsv1.JSON                         `json:"responseOutput,omitempty"`
	SuccessOutput          *apiextensionsv1.JSON                         `json:"successOutput,omitempty"`
	LastSuccessfulShas     []WebRequestCommitStatusLastSuccessfulShaItem `json:"lastSuccessfulShas,omitempty"`
}
type WebRequestCommitStatusEnvironmentStatus struct {
	Branch                 string                `json:"branch"`
	ReportedSha            string                `json:"reportedSha,omitempty"`
	LastSuccessfulSha      string                `json:"lastSuccessfulSha,omitempty"`
	Phase                  CommitStatusPhase     `json:"phase"`
	LastRequestTime        *metav1.Time          `json:"lastRequestTime,omitempty"`
	LastResponseStatusCode *int                  `json:"lastResponseStatusCode,omitempty"`
	TriggerOutput          *apiextensionsv1.JSON `json:"triggerOutput,omitempty"`
	ResponseOutput         *apiextensionsv1.JSON `json:"responseOutput,omitempty"`
	SuccessOutput          *apiextensionsv1.JSON `json:"successOutput,omitempty"`
}
type WebRequestCommitStatus struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`
	Spec              WebRequestCommitStatusSpec   `json:"spec"`
	Status            WebRequestCommitStatusStatus `json:"status,omitempty"`
}
