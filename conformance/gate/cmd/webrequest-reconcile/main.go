// Command webrequest-reconcile runs one reconcile of a WebRequestCommitStatus in environments context, as
// gitops-promoter v0.36.0's controller does, with the promoter's own engines: github.com/expr-lang/expr v1.17.8 for
// success.when and Go's text/template with github.com/go-task/slim-sprig/v3 v3.0.0 for every template. The HTTP
// round-trip is the only stand-in: the case supplies the answer per branch, as the promoter's simulator does
// (webrequestsimulator/simulatortypes/simulatortypes.go Input.HTTPResponses).
//
// stdin: one JSON case {now, namespaceMetadata, promotionStrategy, webRequestCommitStatus (spec and the previous
// reconcile's status), httpResponses: [{branch, statusCode, headers, body (raw text)}]}.
// stdout: {renderedRequests, commitStatuses, status} (status is what the controller would write, to be fed back as
// the next case's webRequestCommitStatus.status), or {error} when the controller's reconcile would fail.
// Exit 0 for either; exit 2 when the case itself is invalid or asks for a path not wired here.
//
// The order of operations mirrors internal/webrequest/reconcile.go ReconcileWebRequestCommitStatusEnvironments,
// resolveHTTPExecutionDecision, reconcileOutcomeFromHTTPResponse / reconcileOutcomeWithoutNewResponse and
// BuildRenderedHTTPRequestFromTemplates; the response body is decoded as in
// internal/controller/webrequestcommitstatus_controller.go makeHTTPRequest; description and URL are rendered as in its
// upsertCommitStatus.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"
	"text/template"
	"time"

	"github.com/expr-lang/expr"
	sprig "github.com/go-task/slim-sprig/v3"
	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"serviceradar-release/conformance/gate/promoter/v1alpha1"
	"serviceradar-release/conformance/gate/promoter/webrequest"
)

type reconcileCase struct {
	Now                    time.Time                        `json:"now"`
	NamespaceMetadata      namespaceMetadata                `json:"namespaceMetadata"`
	PromotionStrategy      *v1alpha1.PromotionStrategy      `json:"promotionStrategy"`
	WebRequestCommitStatus *v1alpha1.WebRequestCommitStatus `json:"webRequestCommitStatus"`
	HTTPResponses          []httpResponse                   `json:"httpResponses"`
}

type namespaceMetadata struct {
	Labels      map[string]string `json:"labels"`
	Annotations map[string]string `json:"annotations"`
}

type httpResponse struct {
	Branch     string              `json:"branch"`
	StatusCode int                 `json:"statusCode"`
	Headers    map[string][]string `json:"headers"`
	Body       string              `json:"body"`
}

type renderedRequest struct {
	Branch  string            `json:"branch"`
	Method  string            `json:"method"`
	URL     string            `json:"url"`
	Headers map[string]string `json:"headers"`
	Body    string            `json:"body"`
}

type commitStatus struct {
	Name        string `json:"name"`
	Branch      string `json:"branch"`
	Sha         string `json:"sha"`
	Phase       string `json:"phase"`
	Description string `json:"description"`
	URL         string `json:"url"`
}

type result struct {
	RenderedRequests []renderedRequest                     `json:"renderedRequests"`
	CommitStatuses   []commitStatus                        `json:"commitStatuses"`
	Status           v1alpha1.WebRequestCommitStatusStatus `json:"status"`
}

// errInvalidCase marks a case this command cannot run; any other error is the controller's own reconcile error.
var errInvalidCase = errors.New("invalid case")

func main() {
	out, err := run()
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetEscapeHTML(false)
	switch {
	case errors.Is(err, errInvalidCase):
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	case err != nil:
		_ = encoder.Encode(map[string]string{"error": err.Error()})
	default:
		_ = encoder.Encode(out)
	}
}

func run() (*result, error) {
	decoder := json.NewDecoder(os.Stdin)
	// Strict: a field the promoter's types lack is refused, as the CRD's structural schema would prune it.
	decoder.DisallowUnknownFields()
	var c reconcileCase
	if err := decoder.Decode(&c); err != nil {
		return nil, fmt.Errorf("%w: %v", errInvalidCase, err)
	}
	wrcs, ps := c.WebRequestCommitStatus, c.PromotionStrategy
	if wrcs == nil || ps == nil || c.Now.IsZero() {
		return nil, fmt.Errorf("%w: now, promotionStrategy and webRequestCommitStatus are required", errInvalidCase)
	}
	spec := wrcs.Spec
	if spec.Mode.Context == "promotionstrategy" || spec.Mode.Trigger != nil || spec.Success.When.Variables != nil ||
		spec.Success.When.Output != nil {
		return nil, fmt.Errorf("%w: only polling mode in environments context, without success.when variables or "+
			"output, is wired here", errInvalidCase)
	}
	namespaceMeta := webrequest.NamespaceMetadata{Labels: c.NamespaceMetadata.Labels, Annotations: c.NamespaceMetadata.Annotations}
	return reconcileEnvironments(c, wrcs, ps, namespaceMeta)
}

// reconcileEnvironments mirrors internal/webrequest/reconcile.go ReconcileWebRequestCommitStatusEnvironments
// (polling mode): the templates and expressions see the object as it was read (its previous status), one
// environment at a time.
func reconcileEnvironments(c reconcileCase, wrcs *v1alpha1.WebRequestCommitStatus, ps *v1alpha1.PromotionStrategy,
	namespaceMeta webrequest.NamespaceMetadata) (*result, error) {
	snapshot, err := deepCopy(wrcs)
	if err != nil {
		return nil, err
	}
	previousByBranch := map[string]*v1alpha1.WebRequestCommitStatusEnvironmentStatus{}
	for i := range snapshot.Status.Environments {
		previousByBranch[snapshot.Status.Environments[i].Branch] = &snapshot.Status.Environments[i]
	}
	envStatusByBranch := map[string]*v1alpha1.EnvironmentStatus{}
	for i := range ps.Status.Environments {
		envStatusByBranch[ps.Status.Environments[i].Branch] = &ps.Status.Environments[i]
	}
	applicable := applicableEnvironments(ps, wrcs.Spec.Key, wrcs.Spec.ReportOn)
	// internal/webrequest/environments.go getCurrentShasByBranch / resolveReportedSha.
	currentShas := map[string]string{}
	for _, env := range applicable {
		envStatus, found := envStatusByBranch[env.Branch]
		if !found {
			return nil, fmt.Errorf("failed to resolve current SHAs: environment %q not found in PromotionStrategy status", env.Branch)
		}
		sha := envStatus.Proposed.Hydrated.Sha
		if wrcs.Spec.ReportOn == "active" {
			sha = envStatus.Active.Hydrated.Sha
		}
		if sha == "" {
			return nil, fmt.Errorf("failed to resolve current SHAs: no SHA available for environment %q (reportOn: %q)", env.Branch, wrcs.Spec.ReportOn)
		}
		currentShas[env.Branch] = sha
	}
	responses := map[string]*httpResponse{}
	for i := range c.HTTPResponses {
		if _, duplicate := responses[c.HTTPResponses[i].Branch]; !duplicate {
			responses[c.HTTPResponses[i].Branch] = &c.HTTPResponses[i]
		}
	}

	out := &result{RenderedRequests: []renderedRequest{}, CommitStatuses: []commitStatus{}}
	out.Status.Environments = []v1alpha1.WebRequestCommitStatusEnvironmentStatus{}
	for _, env := range applicable {
		branch, reportedSha := env.Branch, currentShas[env.Branch]
		previous := previousByBranch[branch]
		last := lastReconciledState(previous)
		lastSuccessfulSha := ""
		if previous != nil {
			lastSuccessfulSha = previous.LastSuccessfulSha
		}
		td := webrequest.TemplateData{
			Branch:                 branch,
			Phase:                  last.phase,
			PromotionStrategy:      ps,
			WebRequestCommitStatus: snapshot,
			NamespaceMetadata:      namespaceMeta,
			TriggerOutput:          last.triggerOutput,
			ResponseOutput:         last.responseOutput,
			SuccessOutput:          last.successOutput,
		}
		if wrcs.Spec.ReportOn == "proposed" && previous != nil && last.phase == "success" && lastSuccessfulSha == reportedSha {
			// The already-successful SHA is carried without a request (reconcile.go, polling + proposed).
			out.Status.Environments = append(out.Status.Environments, *previous)
			status, err := renderCommitStatus(wrcs, branch, reportedSha, "success", td)
			if err != nil {
				return nil, fmt.Errorf("failed to upsert CommitStatus for skipped environment %q: %w", branch, err)
			}
			out.CommitStatuses = append(out.CommitStatuses, status)
			continue
		}

		// reconcile.go resolveHTTPExecutionDecision: polling fires once the interval has elapsed since the last request.
		fire := wrcs.Spec.Mode.Polling == nil || last.requestTime == nil ||
			c.Now.Sub(last.requestTime.Time) >= wrcs.Spec.Mode.Polling.Interval.Duration
		mock := responses[branch]
		if !fire && mock != nil {
			return nil, fmt.Errorf("%w: no request is made for %q this reconcile (polling interval not elapsed), yet a response is given", errInvalidCase, branch)
		}
		var response *webrequest.HTTPResponse
		requestTime, statusCode := last.requestTime, last.statusCode
		responseOutput := previousResponseOutput(previous)
		if fire {
			request, err := renderHTTPRequest(wrcs, td)
			if err != nil {
				return nil, fmt.Errorf("HTTP request execution: failed to render HTTP request templates: %w", err)
			}
			out.RenderedRequests = append(out.RenderedRequests, request)
			if mock == nil {
				// webrequest.ErrHTTPResponseRequiredWhenTriggerFires, as the promoter's simulator reports it.
				return nil, fmt.Errorf("%w: the controller sends a request for %q this reconcile: give its response", errInvalidCase, branch)
			}
			response = decodedResponse(mock)
			now := metav1.NewTime(c.Now)
			requestTime, statusCode, responseOutput = &now, &response.StatusCode, nil
		}
		phase, err := successPhase(wrcs.Spec.Success.When.Expression, webrequest.SuccessWhenExprData(td, response))
		if err != nil {
			return nil, err
		}
		if phase == "success" {
			lastSuccessfulSha = reportedSha
		}
		out.Status.Environments = append(out.Status.Environments, v1alpha1.WebRequestCommitStatusEnvironmentStatus{
			Branch:                 branch,
			ReportedSha:            reportedSha,
			LastSuccessfulSha:      lastSuccessfulSha,
			Phase:                  v1alpha1.CommitStatusPhase(phase),
			LastRequestTime:        requestTime,
			LastResponseStatusCode: statusCode,
			ResponseOutput:         responseOutput,
		})
		commitTd := td
		commitTd.Phase = phase
		status, err := renderCommitStatus(wrcs, branch, reportedSha, phase, commitTd)
		if err != nil {
			return nil, fmt.Errorf("failed to upsert CommitStatus for environment %q: %w", branch, err)
		}
		out.CommitStatuses = append(out.CommitStatuses, status)
	}
	return out, nil
}

// applicableEnvironments mirrors internal/utils/environments.go GetApplicableEnvironments: the environments whose
// (or the strategy's global) active or proposed commit statuses, per reportOn, select the key.
func applicableEnvironments(ps *v1alpha1.PromotionStrategy, key, reportOn string) []v1alpha1.Environment {
	selects := func(selectors []v1alpha1.CommitStatusSelector) bool {
		return slices.ContainsFunc(selectors, func(s v1alpha1.CommitStatusSelector) bool { return s.Key == key })
	}
	global := ps.Spec.ProposedCommitStatuses
	if reportOn == "active" {
		global = ps.Spec.ActiveCommitStatuses
	}
	applicable := []v1alpha1.Environment{}
	for _, env := range ps.Spec.Environments {
		own := env.ProposedCommitStatuses
		if reportOn == "active" {
			own = env.ActiveCommitStatuses
		}
		if selects(global) || selects(own) {
			applicable = append(applicable, env)
		}
	}
	return applicable
}

type lastState struct {
	phase                                        string
	requestTime                                  *metav1.Time
	statusCode                                   *int
	triggerOutput, responseOutput, successOutput map[string]any
}

// lastReconciledState mirrors internal/webrequest/state.go lastReconciledStateFromEnvironment (an output that does
// not decode is dropped there too, after logging).
func lastReconciledState(status *v1alpha1.WebRequestCommitStatusEnvironmentStatus) lastState {
	if status == nil {
		return lastState{}
	}
	return lastState{
		phase:          string(status.Phase),
		requestTime:    status.LastRequestTime,
		statusCode:     status.LastResponseStatusCode,
		triggerOutput:  jsonMap(status.TriggerOutput),
		responseOutput: jsonMap(status.ResponseOutput),
		successOutput:  jsonMap(status.SuccessOutput),
	}
}

func previousResponseOutput(status *v1alpha1.WebRequestCommitStatusEnvironmentStatus) *apiextensionsv1.JSON {
	if status == nil {
		return nil
	}
	return status.ResponseOutput
}

func jsonMap(raw *apiextensionsv1.JSON) map[string]any {
	if raw == nil {
		return nil
	}
	out := map[string]any{}
	if json.Unmarshal(raw.Raw, &out) != nil {
		return nil
	}
	return out
}

// decodedResponse mirrors makeHTTPRequest (internal/controller/webrequestcommitstatus_controller.go): the body is
// JSON-decoded into `any`, or kept as the raw string when it is not JSON.
func decodedResponse(mock *httpResponse) *webrequest.HTTPResponse {
	var body any
	if err := json.Unmarshal([]byte(mock.Body), &body); err != nil {
		body = mock.Body
	}
	headers := mock.Headers
	if headers == nil {
		headers = map[string][]string{}
	}
	return &webrequest.HTTPResponse{StatusCode: mock.StatusCode, Body: body, Headers: headers}
}

// successPhase mirrors internal/webrequest/evaluator.go evaluateValidationExpressionForEnvironments: compiled with no
// option at all (no expr.Env, so the checker knows no variable types), run against the map environment; a bool is
// success or pending, an object is read by parseSinglePhase (internal/webrequest/environments.go).
func successPhase(expression string, env map[string]any) (string, error) {
	program, err := expr.Compile(expression)
	if err != nil {
		return "", fmt.Errorf("failed to evaluate validation expression: failed to compile validation expression: failed to compile expression: %w", err)
	}
	output, err := expr.Run(program, env)
	if err != nil {
		return "", fmt.Errorf("failed to evaluate validation expression: failed to evaluate validation expression: %w", err)
	}
	switch value := output.(type) {
	case bool:
		if value {
			return "success", nil
		}
		return "pending", nil
	case map[string]any:
		return singlePhase(value)
	}
	return "", fmt.Errorf("failed to evaluate validation expression: validation expression must return bool or object { phase }, got %T", output)
}

// singlePhase mirrors internal/webrequest/environments.go parseSinglePhase, getString and parsePhaseString.
func singlePhase(object map[string]any) (string, error) {
	for _, key := range []string{"defaultPhase", "environments"} {
		if _, found := object[key]; found {
			return "", fmt.Errorf("failed to evaluate validation expression: validation expression object must be { phase } in environments context, got key %q, which is only supported with mode.context: promotionstrategy", key)
		}
	}
	value, found := object["phase"]
	if !found || value == nil {
		return "pending", nil
	}
	phase, isString := value.(string)
	if !isString {
		return "", fmt.Errorf("failed to evaluate validation expression: validation expression phase: field \"phase\" must be a string, got %T", value)
	}
	switch phase {
	case "success", "pending", "failure":
		return phase, nil
	case "":
		return "pending", nil
	}
	return "", fmt.Errorf("failed to evaluate validation expression: validation expression phase: unrecognized phase %q, must be one of: success, pending, failure", phase)
}

// allowedHTTPMethods mirrors internal/webrequest/reconcile.go allowedHTTPMethods.
var allowedHTTPMethods = []string{"GET", "POST", "PUT", "PATCH", "DELETE"}

// renderHTTPRequest mirrors internal/webrequest/reconcile.go BuildRenderedHTTPRequestFromTemplates.
func renderHTTPRequest(wrcs *v1alpha1.WebRequestCommitStatus, td webrequest.TemplateData) (renderedRequest, error) {
	request := wrcs.Spec.HTTPRequest
	method := request.Method
	if request.MethodTemplate != "" {
		rendered, err := renderStringTemplate(request.MethodTemplate, td)
		if err != nil {
			return renderedRequest{}, fmt.Errorf("failed to render method template: %w", err)
		}
		method = strings.ToUpper(strings.TrimSpace(rendered))
	}
	if !slices.Contains(allowedHTTPMethods, method) {
		return renderedRequest{}, fmt.Errorf("invalid HTTP method %q (must be one of %s)", method, strings.Join(allowedHTTPMethods, ", "))
	}
	out := renderedRequest{Branch: td.Branch, Method: method, Headers: map[string]string{}}
	var err error
	if out.URL, err = renderStringTemplate(request.URLTemplate, td); err != nil {
		return renderedRequest{}, fmt.Errorf("failed to render URL template: %w", err)
	}
	if request.BodyTemplate != "" {
		if out.Body, err = renderStringTemplate(request.BodyTemplate, td); err != nil {
			return renderedRequest{}, fmt.Errorf("failed to render body template: %w", err)
		}
	}
	for name, headerTemplate := range request.HeaderTemplates {
		if out.Headers[name], err = renderStringTemplate(headerTemplate, td); err != nil {
			return renderedRequest{}, fmt.Errorf("failed to render header template %q: %w", name, err)
		}
	}
	return out, nil
}

// renderCommitStatus mirrors upsertCommitStatus (internal/controller/webrequestcommitstatus_controller.go): the
// CommitStatus named `<key>/<branch>` on the reported SHA, with the description and URL templates rendered.
func renderCommitStatus(wrcs *v1alpha1.WebRequestCommitStatus, branch, sha, phase string, td webrequest.TemplateData) (commitStatus, error) {
	out := commitStatus{Name: wrcs.Spec.Key + "/" + branch, Branch: branch, Sha: sha, Phase: phase}
	var err error
	if wrcs.Spec.DescriptionTemplate != "" {
		if out.Description, err = renderStringTemplate(wrcs.Spec.DescriptionTemplate, td); err != nil {
			return commitStatus{}, fmt.Errorf("failed to render description template: %w", err)
		}
	}
	if wrcs.Spec.UrlTemplate != "" {
		if out.URL, err = renderStringTemplate(wrcs.Spec.UrlTemplate, td); err != nil {
			return commitStatus{}, fmt.Errorf("failed to render URL template: %w", err)
		}
	}
	return out, nil
}

// templateFuncs mirrors internal/utils/template.go sanitizedSprigFuncMap: slim-sprig's GenericFuncMap without env,
// expandenv and getHostByName, plus urlQueryEscape.
var templateFuncs = func() template.FuncMap {
	funcs := sprig.GenericFuncMap()
	delete(funcs, "env")
	delete(funcs, "expandenv")
	delete(funcs, "getHostByName")
	funcs["urlQueryEscape"] = url.QueryEscape
	return template.FuncMap(funcs)
}()

// renderStringTemplate mirrors internal/utils/template.go RenderStringTemplate as the webrequest code calls it (no
// option, so text/template's default missingkey).
func renderStringTemplate(text string, data any) (string, error) {
	tmpl, err := template.New("").Funcs(templateFuncs).Parse(text)
	if err != nil {
		return "", fmt.Errorf("failed to parse template: %w", err)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, data); err != nil {
		return "", fmt.Errorf("failed to execute template: %w", err)
	}
	return buf.String(), nil
}

// deepCopy stands in for the generated DeepCopy the controller snapshots the object with.
func deepCopy(wrcs *v1alpha1.WebRequestCommitStatus) (*v1alpha1.WebRequestCommitStatus, error) {
	raw, err := json.Marshal(wrcs)
	if err != nil {
		return nil, err
	}
	out := &v1alpha1.WebRequestCommitStatus{}
	return out, json.Unmarshal(raw, out)
}
