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
// Exit 0 for either; exit 2 when the case itself is invalid or asks for a path not wired here. Every case carries
// crds: the CustomResourceDefinitions (JSON) the API types are derived from (package v1alpha1).
//
// `webrequest-reconcile describe` reads {crds} instead and writes, by kind and JSON path, the Go selector and type each
// property was derived as (v1alpha1.Describe).
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
	"maps"
	"net/url"
	"os"
	"reflect"
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
	Now               time.Time         `json:"now"`
	NamespaceMetadata namespaceMetadata `json:"namespaceMetadata"`
	// CRDs are the promoter's CustomResourceDefinitions (JSON), PromotionStrategy's and WebRequestCommitStatus's
	// among them: the API types are derived from them (package v1alpha1).
	CRDs []json.RawMessage `json:"crds"`
	// The two objects are decoded, strictly, into the derived types once those are built.
	PromotionStrategy      json.RawMessage `json:"promotionStrategy"`
	WebRequestCommitStatus json.RawMessage `json:"webRequestCommitStatus"`
	HTTPResponses          []httpResponse  `json:"httpResponses"`
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
	RenderedRequests []renderedRequest `json:"renderedRequests"`
	CommitStatuses   []commitStatus    `json:"commitStatuses"`
	// Status is a value of the derived type of WebRequestCommitStatus.status.
	Status any `json:"status"`
}

// errInvalidCase marks a case this command cannot run; any other error is the controller's own reconcile error.
var errInvalidCase = errors.New("invalid case")

func main() {
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetEscapeHTML(false)
	if len(os.Args) == 2 && os.Args[1] == "describe" {
		described, err := describe()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		_ = encoder.Encode(described)
		return
	}
	out, err := run()
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
	decoder.DisallowUnknownFields()
	var c reconcileCase
	if err := decoder.Decode(&c); err != nil {
		return nil, fmt.Errorf("%w: %v", errInvalidCase, err)
	}
	if absent(c.WebRequestCommitStatus) || absent(c.PromotionStrategy) || c.Now.IsZero() {
		return nil, fmt.Errorf("%w: now, promotionStrategy and webRequestCommitStatus are required", errInvalidCase)
	}
	types, err := v1alpha1.FromCRDs(c.CRDs...)
	if err != nil {
		return nil, fmt.Errorf("%w: crds: %v", errInvalidCase, err)
	}
	if types["PromotionStrategy"] == nil || types["WebRequestCommitStatus"] == nil {
		return nil, fmt.Errorf("%w: crds must hold the PromotionStrategy and WebRequestCommitStatus CRDs", errInvalidCase)
	}
	// Strict: a field the promoter's types lack is refused, as the CRD's structural schema would prune it.
	ps, err := decodeStrict(c.PromotionStrategy, types["PromotionStrategy"])
	if err != nil {
		return nil, fmt.Errorf("%w: promotionStrategy: %v", errInvalidCase, err)
	}
	wrcs, err := decodeStrict(c.WebRequestCommitStatus, types["WebRequestCommitStatus"])
	if err != nil {
		return nil, fmt.Errorf("%w: webRequestCommitStatus: %v", errInvalidCase, err)
	}
	spec := field(wrcs, "spec")
	if str(field(spec, "mode", "context")) == "promotionstrategy" || set(field(spec, "mode", "trigger")) ||
		set(field(spec, "success", "when", "variables")) || set(field(spec, "success", "when", "output")) {
		return nil, fmt.Errorf("%w: only polling mode in environments context, without success.when variables or "+
			"output, is wired here", errInvalidCase)
	}
	namespaceMeta := webrequest.NamespaceMetadata{Labels: c.NamespaceMetadata.Labels, Annotations: c.NamespaceMetadata.Annotations}
	return reconcileEnvironments(c, wrcs, ps, namespaceMeta)
}

func describe() (map[string]v1alpha1.Field, error) {
	decoder := json.NewDecoder(os.Stdin)
	decoder.DisallowUnknownFields()
	var in struct {
		CRDs []json.RawMessage `json:"crds"`
	}
	if err := decoder.Decode(&in); err != nil {
		return nil, err
	}
	types, err := v1alpha1.FromCRDs(in.CRDs...)
	if err != nil {
		return nil, err
	}
	out := map[string]v1alpha1.Field{}
	for kind, t := range types {
		maps.Copy(out, v1alpha1.Describe(kind, t))
	}
	return out, nil
}

// reconcileEnvironments mirrors internal/webrequest/reconcile.go ReconcileWebRequestCommitStatusEnvironments
// (polling mode): the templates and expressions see the object as it was read (its previous status), one
// environment at a time. The object read is never changed here (the status written is a new value), so it stands
// for the controller's snapshot.
func reconcileEnvironments(c reconcileCase, wrcs, ps reflect.Value, namespaceMeta webrequest.NamespaceMetadata) (*result, error) {
	spec := field(wrcs, "spec")
	key, reportOn := str(field(spec, "key")), str(field(spec, "reportOn"))
	previousByBranch := map[string]reflect.Value{}
	for _, env := range items(field(wrcs, "status", "environments")) {
		previousByBranch[str(field(env, "branch"))] = env
	}
	envStatusByBranch := map[string]reflect.Value{}
	for _, env := range items(field(ps, "status", "environments")) {
		envStatusByBranch[str(field(env, "branch"))] = env
	}
	applicable := applicableBranches(ps, key, reportOn)
	// internal/webrequest/environments.go getCurrentShasByBranch / resolveReportedSha.
	currentShas := map[string]string{}
	for _, branch := range applicable {
		envStatus, found := envStatusByBranch[branch]
		if !found {
			return nil, fmt.Errorf("failed to resolve current SHAs: environment %q not found in PromotionStrategy status", branch)
		}
		sha := str(field(envStatus, "proposed", "hydrated", "sha"))
		if reportOn == "active" {
			sha = str(field(envStatus, "active", "hydrated", "sha"))
		}
		if sha == "" {
			return nil, fmt.Errorf("failed to resolve current SHAs: no SHA available for environment %q (reportOn: %q)", branch, reportOn)
		}
		currentShas[branch] = sha
	}
	responses := map[string]*httpResponse{}
	for i := range c.HTTPResponses {
		if _, duplicate := responses[c.HTTPResponses[i].Branch]; !duplicate {
			responses[c.HTTPResponses[i].Branch] = &c.HTTPResponses[i]
		}
	}

	statusType := fieldType(wrcs.Type(), "status")
	envType := fieldType(statusType, "environments").Elem()
	environments := reflect.MakeSlice(reflect.SliceOf(envType), 0, len(applicable))
	out := &result{RenderedRequests: []renderedRequest{}, CommitStatuses: []commitStatus{}}
	for _, branch := range applicable {
		reportedSha := currentShas[branch]
		previous := previousByBranch[branch]
		last := lastReconciledState(previous)
		lastSuccessfulSha := str(field(previous, "lastSuccessfulSha"))
		td := webrequest.TemplateData{
			Branch:                 branch,
			Phase:                  last.phase,
			PromotionStrategy:      ps.Interface(),
			WebRequestCommitStatus: wrcs.Interface(),
			NamespaceMetadata:      namespaceMeta,
			TriggerOutput:          last.triggerOutput,
			ResponseOutput:         last.responseOutput,
			SuccessOutput:          last.successOutput,
		}
		if reportOn == "proposed" && previous.IsValid() && last.phase == "success" && lastSuccessfulSha == reportedSha {
			// The already-successful SHA is carried without a request (reconcile.go, polling + proposed).
			environments = reflect.Append(environments, previous)
			status, err := renderCommitStatus(spec, branch, reportedSha, "success", td)
			if err != nil {
				return nil, fmt.Errorf("failed to upsert CommitStatus for skipped environment %q: %w", branch, err)
			}
			out.CommitStatuses = append(out.CommitStatuses, status)
			continue
		}

		// reconcile.go resolveHTTPExecutionDecision: polling fires once the interval has elapsed since the last request.
		polling := field(spec, "mode", "polling")
		fire := !set(polling) || last.requestTime == nil ||
			c.Now.Sub(last.requestTime.Time) >= field(polling, "interval").Interface().(metav1.Duration).Duration
		mock := responses[branch]
		if !fire && mock != nil {
			return nil, fmt.Errorf("%w: no request is made for %q this reconcile (polling interval not elapsed), yet a response is given", errInvalidCase, branch)
		}
		var response *webrequest.HTTPResponse
		requestTime, statusCode := last.requestTime, last.statusCode
		responseOutput := jsonField(field(previous, "responseOutput"))
		if fire {
			request, err := renderHTTPRequest(spec, td)
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
		phase, err := successPhase(str(field(spec, "success", "when", "expression")), webrequest.SuccessWhenExprData(td, response))
		if err != nil {
			// reconcile.go: resolvePhaseFromSuccessWhen wraps the evaluator's error, then reconcileOutcomeFromHTTPResponse
			// (a request this reconcile) or reconcileOutcomeWithoutNewResponse (none) wraps it once more, each its own way.
			outer := "failed to evaluate success.when expression"
			if fire {
				outer = "failed to evaluate validation expression"
			}
			return nil, fmt.Errorf("%s: failed to evaluate validation expression: %w", outer, err)
		}
		if phase == "success" {
			lastSuccessfulSha = reportedSha
		}
		environment := reflect.New(envType).Elem()
		assign(environment, "branch", branch)
		assign(environment, "reportedSha", reportedSha)
		assign(environment, "lastSuccessfulSha", lastSuccessfulSha)
		assign(environment, "phase", phase)
		assign(environment, "lastRequestTime", requestTime)
		assign(environment, "lastResponseStatusCode", statusCode)
		assign(environment, "responseOutput", responseOutput)
		environments = reflect.Append(environments, environment)
		commitTd := td
		commitTd.Phase = phase
		status, err := renderCommitStatus(spec, branch, reportedSha, phase, commitTd)
		if err != nil {
			return nil, fmt.Errorf("failed to upsert CommitStatus for environment %q: %w", branch, err)
		}
		out.CommitStatuses = append(out.CommitStatuses, status)
	}
	status := reflect.New(statusType).Elem()
	assign(status, "environments", environments.Interface())
	out.Status = status.Interface()
	return out, nil
}

// applicableBranches mirrors internal/utils/environments.go GetApplicableEnvironments: the environments whose (or
// the strategy's global) active or proposed commit statuses, per reportOn, select the key.
func applicableBranches(ps reflect.Value, key, reportOn string) []string {
	selectors := "proposedCommitStatuses"
	if reportOn == "active" {
		selectors = "activeCommitStatuses"
	}
	selects := func(list reflect.Value) bool {
		return slices.ContainsFunc(items(list), func(s reflect.Value) bool { return str(field(s, "key")) == key })
	}
	global := selects(field(ps, "spec", selectors))
	applicable := []string{}
	for _, env := range items(field(ps, "spec", "environments")) {
		if global || selects(field(env, selectors)) {
			applicable = append(applicable, str(field(env, "branch")))
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
// not decode is dropped there too, after logging); status is the environment's previous status, or invalid.
func lastReconciledState(status reflect.Value) lastState {
	if !status.IsValid() {
		return lastState{}
	}
	return lastState{
		phase:          str(field(status, "phase")),
		requestTime:    field(status, "lastRequestTime").Interface().(*metav1.Time),
		statusCode:     field(status, "lastResponseStatusCode").Interface().(*int),
		triggerOutput:  jsonMap(jsonField(field(status, "triggerOutput"))),
		responseOutput: jsonMap(jsonField(field(status, "responseOutput"))),
		successOutput:  jsonMap(jsonField(field(status, "successOutput"))),
	}
}

// jsonField is a *apiextensionsv1.JSON field's value, nil when the field is absent.
func jsonField(v reflect.Value) *apiextensionsv1.JSON {
	if !v.IsValid() {
		return nil
	}
	return v.Interface().(*apiextensionsv1.JSON)
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
// success or pending, an object is read by parseSinglePhase (internal/webrequest/environments.go). Errors are worded as
// the evaluator words them (getCompiledExpression adds "failed to compile expression"); the caller adds reconcile.go's.
func successPhase(expression string, env map[string]any) (string, error) {
	program, err := expr.Compile(expression)
	if err != nil {
		return "", fmt.Errorf("failed to compile validation expression: failed to compile expression: %w", err)
	}
	output, err := expr.Run(program, env)
	if err != nil {
		return "", fmt.Errorf("failed to evaluate validation expression: %w", err)
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
	return "", fmt.Errorf("validation expression must return bool or object { phase }, got %T", output)
}

// singlePhase mirrors internal/webrequest/environments.go parseSinglePhase, getString and parsePhaseString.
func singlePhase(object map[string]any) (string, error) {
	for _, key := range []string{"defaultPhase", "environments"} {
		if _, found := object[key]; found {
			return "", fmt.Errorf("validation expression object must be { phase } in environments context, got key %q, which is only supported with mode.context: promotionstrategy", key)
		}
	}
	value, found := object["phase"]
	if !found || value == nil {
		return "pending", nil
	}
	phase, isString := value.(string)
	if !isString {
		return "", fmt.Errorf("validation expression phase: field \"phase\" must be a string, got %T", value)
	}
	switch phase {
	case "success", "pending", "failure":
		return phase, nil
	case "":
		return "pending", nil
	}
	return "", fmt.Errorf("validation expression phase: unrecognized phase %q, must be one of: success, pending, failure", phase)
}

// allowedHTTPMethods mirrors internal/webrequest/reconcile.go allowedHTTPMethods.
var allowedHTTPMethods = []string{"GET", "POST", "PUT", "PATCH", "DELETE"}

// renderHTTPRequest mirrors internal/webrequest/reconcile.go BuildRenderedHTTPRequestFromTemplates.
func renderHTTPRequest(spec reflect.Value, td webrequest.TemplateData) (renderedRequest, error) {
	request := field(spec, "httpRequest")
	method := str(field(request, "method"))
	if methodTemplate := str(field(request, "methodTemplate")); methodTemplate != "" {
		rendered, err := renderStringTemplate(methodTemplate, td)
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
	if out.URL, err = renderStringTemplate(str(field(request, "urlTemplate")), td); err != nil {
		return renderedRequest{}, fmt.Errorf("failed to render URL template: %w", err)
	}
	if bodyTemplate := str(field(request, "bodyTemplate")); bodyTemplate != "" {
		if out.Body, err = renderStringTemplate(bodyTemplate, td); err != nil {
			return renderedRequest{}, fmt.Errorf("failed to render body template: %w", err)
		}
	}
	for name, headerTemplate := range field(request, "headerTemplates").Interface().(map[string]string) {
		if out.Headers[name], err = renderStringTemplate(headerTemplate, td); err != nil {
			return renderedRequest{}, fmt.Errorf("failed to render header template %q: %w", name, err)
		}
	}
	return out, nil
}

// renderCommitStatus mirrors upsertCommitStatus (internal/controller/webrequestcommitstatus_controller.go): the
// CommitStatus named `<key>/<branch>` on the reported SHA, with the description and URL templates rendered.
func renderCommitStatus(spec reflect.Value, branch, sha, phase string, td webrequest.TemplateData) (commitStatus, error) {
	out := commitStatus{Name: str(field(spec, "key")) + "/" + branch, Branch: branch, Sha: sha, Phase: phase}
	var err error
	if descriptionTemplate := str(field(spec, "descriptionTemplate")); descriptionTemplate != "" {
		if out.Description, err = renderStringTemplate(descriptionTemplate, td); err != nil {
			return commitStatus{}, fmt.Errorf("failed to render description template: %w", err)
		}
	}
	if urlTemplate := str(field(spec, "urlTemplate")); urlTemplate != "" {
		if out.URL, err = renderStringTemplate(urlTemplate, td); err != nil {
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

// decodeStrict decodes an object into a new value of its derived type (a pointer, as the controller holds it),
// refusing a field the type lacks.
func decodeStrict(raw json.RawMessage, t reflect.Type) (reflect.Value, error) {
	decoder := json.NewDecoder(bytes.NewReader(raw))
	decoder.DisallowUnknownFields()
	out := reflect.New(t)
	return out, decoder.Decode(out.Interface())
}

func absent(raw json.RawMessage) bool {
	return len(raw) == 0 || string(raw) == "null"
}

// field follows JSON property names through a value of the derived types, dereferencing pointers; the invalid Value
// when the start is invalid or a pointer on the way is nil. A name the type lacks is this command's bug: it panics.
func field(v reflect.Value, names ...string) reflect.Value {
	for _, name := range names {
		for v.IsValid() && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}
			}
			v = v.Elem()
		}
		if !v.IsValid() {
			return v
		}
		v = v.Field(fieldIndex(v.Type(), name))
	}
	return v
}

// fieldType is the type of the property name of struct type t (through a pointer).
func fieldType(t reflect.Type, name string) reflect.Type {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Field(fieldIndex(t, name)).Type
}

func fieldIndex(t reflect.Type, name string) int {
	for i := range t.NumField() {
		if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); tag == name {
			return i
		}
	}
	panic(fmt.Sprintf("the derived type %s has no property %q", t, name))
}

// assign sets property name of the struct value v (addressable) to x, converted to the field's type (a string to a
// named string type).
func assign(v reflect.Value, name string, x any) {
	f := v.Field(fieldIndex(v.Type(), name))
	f.Set(reflect.ValueOf(x).Convert(f.Type()))
}

// str is a string-kind value, "" when absent.
func str(v reflect.Value) string {
	if !v.IsValid() {
		return ""
	}
	return v.String()
}

// set: the pointer value is present and not nil.
func set(v reflect.Value) bool {
	return v.IsValid() && !v.IsNil()
}

// items are a slice's elements; none when absent.
func items(v reflect.Value) []reflect.Value {
	if !v.IsValid() {
		return nil
	}
	out := make([]reflect.Value, v.Len())
	for i := range out {
		out[i] = v.Index(i)
	}
	return out
}
