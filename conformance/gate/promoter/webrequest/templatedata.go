// Package webrequest declares the data the WebRequestCommitStatus controller of gitops-promoter v0.36.0 renders its
// templates over and runs its expressions against: the fields of internal/webrequest/templatedata.go TemplateData,
// NamespaceMetadata and HTTPResponse, with the same names and Go types, and the two expression environments built
// from them (triggerExprData and successWhenExprData there). Declared rather than imported: the promoter module
// cannot be fetched here (conformance/README.md). The two API objects are values of the types derived from the CRDs
// (package v1alpha1): text/template and expr reach their fields by reflection, as they do the controller's.
package webrequest

// TemplateData mirrors internal/webrequest/templatedata.go TemplateData: a template naming any other field fails to
// execute, as it does in the controller.
type TemplateData struct {
	NamespaceMetadata      NamespaceMetadata
	PromotionStrategy      any // *PromotionStrategy upstream: a pointer to the derived struct
	WebRequestCommitStatus any // *WebRequestCommitStatus upstream: a pointer to the derived struct
	TriggerOutput          map[string]any
	ResponseOutput         map[string]any
	SuccessOutput          map[string]any
	TriggerVariables       map[string]any
	SuccessVariables       map[string]any
	Branch                 string
	Phase                  string
}

// NamespaceMetadata mirrors internal/webrequest/templatedata.go NamespaceMetadata.
type NamespaceMetadata struct {
	Labels      map[string]string
	Annotations map[string]string
}

// HTTPResponse mirrors internal/webrequest/templatedata.go HTTPResponse.
type HTTPResponse struct {
	Body       any
	Headers    map[string][]string
	StatusCode int
}

// SuccessWhenExprData is the success.when environment: templatedata.go triggerExprData plus Response, which is the
// response map when a request was made this reconcile and nil otherwise (successWhenExprData).
func SuccessWhenExprData(td TemplateData, resp *HTTPResponse) map[string]any {
	data := map[string]any{
		"Branch":                 td.Branch,
		"Phase":                  td.Phase,
		"PromotionStrategy":      td.PromotionStrategy,
		"WebRequestCommitStatus": td.WebRequestCommitStatus,
		"TriggerOutput":          td.TriggerOutput,
		"ResponseOutput":         td.ResponseOutput,
		"SuccessOutput":          td.SuccessOutput,
		"Response":               nil,
	}
	if resp != nil {
		data["Response"] = map[string]any{
			"StatusCode": resp.StatusCode,
			"Body":       resp.Body,
			"Headers":    resp.Headers,
		}
	}
	return data
}
