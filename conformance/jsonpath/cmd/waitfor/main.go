// Command waitfor judges a `pulumi.com/waitFor` annotation as pulumi-kubernetes does, with the JSONPath engine it uses
// (github.com/theory/jsonpath, RFC 9535). The provider module itself cannot be fetched here (the Go module proxy
// answers 403 for github.com/pulumi/pulumi-kubernetes/provider/v4), so the little of its wiring around the engine is
// mirrored piece by piece, each piece naming its upstream file (pulumi-kubernetes, commit 94977969d, the newest
// source available: conformance/README.md). No JSONPath logic is written here.
//
// Input (stdin): {"annotation": "<the annotation's value>", "objects": [<the live object>, ...]}.
// Output (stdout): {"error": "..."} when the annotation is refused, else
// {"conditions": ["<parsed condition>", ...], "results": [{"satisfied": bool, "conditions": [...]}, ...]}, one result
// per object. Exit 2 for a bad case or what is not mirrored (`condition=` entries).
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/theory/jsonpath"
)

type input struct {
	Annotation string           `json:"annotation"`
	Objects    []map[string]any `json:"objects"`
}

type conditionResult struct {
	Condition string `json:"condition"`
	Matched   bool   `json:"matched"`
	Found     string `json:"found,omitempty"`
	Message   string `json:"message,omitempty"`
	Error     string `json:"error,omitempty"`
}

type objectResult struct {
	Satisfied  bool              `json:"satisfied"`
	Conditions []conditionResult `json:"conditions"`
}

type output struct {
	Error      string         `json:"error,omitempty"`
	Conditions []string       `json:"conditions,omitempty"`
	Results    []objectResult `json:"results,omitempty"`
}

// parsed mirrors provider/pkg/jsonpath/jsonpath.go `Parsed`.
type parsed struct {
	expr  *jsonpath.Path
	path  string
	value string
}

// String mirrors `Parsed.String`.
func (p *parsed) String() string {
	if p.value != "" {
		return p.path + "=" + p.value
	}
	return p.path
}

// bracketExpr is provider/pkg/jsonpath/jsonpath.go `_bracketExpr`.
var bracketExpr = regexp.MustCompile(`\{\s*(.*?)\s*\}`)

// parse mirrors provider/pkg/jsonpath/jsonpath.go `Parse`: the `jsonpath=` prefix, one `=` (a `==` kept) between
// `{path}` and an optional value, the path in braces, `$` prepended, and theory/jsonpath's parser.
func parse(raw string) (*parsed, error) {
	if raw == "" {
		return nil, fmt.Errorf("expected a non-empty JSONPath expression")
	}
	rest, ok := strings.CutPrefix(raw, "jsonpath=")
	if !ok {
		return nil, fmt.Errorf("JSONPath expression must begin with a 'jsonpath=' prefix")
	}
	const placeholder = "\uFFFD"
	parts := strings.Split(strings.ReplaceAll(rest, "==", placeholder), "=")
	if len(parts) > 2 {
		return nil, fmt.Errorf("format should be {.path}=value or {.path}, got %q", rest)
	}
	path := strings.ReplaceAll(parts[0], placeholder, "==")
	value := ""
	if len(parts) == 2 {
		value = strings.ReplaceAll(parts[1], placeholder, "==")
		if value == "" {
			return nil, fmt.Errorf("%s= requires a value", path)
		}
	}
	if strings.HasPrefix(path, "'") && strings.HasSuffix(path, "'") {
		return nil, fmt.Errorf("%s should omit shell quotes", path)
	}
	matches := bracketExpr.FindStringSubmatch(path)
	if len(matches) != 2 {
		return nil, fmt.Errorf("%s should be wrapped in brackets { ... }", path)
	}
	query := matches[1]
	if !strings.HasPrefix(query, "$") {
		query = "$" + query
	}
	expr, err := jsonpath.NewParser().Parse(query)
	if err != nil {
		return nil, fmt.Errorf("parsing %q: %w", path, err)
	}
	return &parsed{expr: expr, path: path, value: value}, nil
}

// satisfied mirrors provider/pkg/await/condition/jsonpath.go `JSONPath.Satisfied` (a `.status.observedGeneration`
// behind `metadata.generation` is not yet satisfied) and provider/pkg/jsonpath/jsonpath.go `Parsed.Matches` (the first
// selected node; a list or map is an error when a value is asked for; otherwise `fmt.Sprint` of it equals the value).
func (p *parsed) satisfied(object map[string]any) conditionResult {
	result := conditionResult{Condition: p.String()}
	if generation, ok := integer(object, "metadata", "generation"); ok {
		if observed, ok := integer(object, "status", "observedGeneration"); ok && observed < generation {
			result.Message = "observedGeneration behind generation"
			return result
		}
	}
	nodes := slices.Collect(p.expr.Select(object).All())
	if len(nodes) == 0 {
		result.Message = p.path + " selected nothing"
		return result
	}
	switch node := nodes[0].(type) {
	case []any, map[string]any:
		if p.value == "" {
			result.Matched = true
			return result
		}
		result.Error = fmt.Sprintf("%q has a non-primitive value (%v)", p.path, node)
		return result
	}
	result.Found = fmt.Sprint(nodes[0])
	result.Matched = p.value == "" || p.value == result.Found
	return result
}

// integer reads an int64 as unstructured.NestedInt64 does: only a whole number (JSON decodes numbers as float64 here).
func integer(object map[string]any, fields ...string) (int64, bool) {
	var node any = object
	for _, field := range fields {
		m, ok := node.(map[string]any)
		if !ok {
			return 0, false
		}
		node = m[field]
	}
	number, ok := node.(float64)
	if !ok || number != float64(int64(number)) {
		return 0, false
	}
	return int64(number), true
}

// conditions mirrors provider/pkg/metadata/overrides.go `ReadyCondition`: a JSON array of strings is "all of these",
// anything else one condition; each needs the `jsonpath=` or `condition=` prefix.
func conditions(annotation string) ([]*parsed, error) {
	var values []string
	if err := json.Unmarshal([]byte(annotation), &values); err != nil {
		values = append(values, annotation)
	}
	if len(values) == 0 {
		return nil, fmt.Errorf("at least one condition must be specified")
	}
	var all []*parsed
	for _, expr := range values {
		switch {
		case strings.HasPrefix(expr, "jsonpath="):
			p, err := parse(expr)
			if err != nil {
				return nil, err
			}
			all = append(all, p)
		case strings.HasPrefix(expr, "condition="):
			fmt.Fprintln(os.Stderr, "waitfor: condition= entries are not mirrored")
			os.Exit(2)
		default:
			return nil, fmt.Errorf(`expected a "jsonpath=" or "condition=" prefix, got %q`, expr)
		}
	}
	return all, nil
}

func main() {
	var in input
	decoder := json.NewDecoder(os.Stdin)
	decoder.DisallowUnknownFields()
	if err := decoder.Decode(&in); err != nil {
		fmt.Fprintln(os.Stderr, "waitfor: bad case:", err)
		os.Exit(2)
	}
	var out output
	parsedConditions, err := conditions(in.Annotation)
	if err != nil {
		out.Error = err.Error()
	} else {
		for _, p := range parsedConditions {
			out.Conditions = append(out.Conditions, p.String())
		}
		for _, object := range in.Objects {
			// condition/all.go `All.Satisfied`: every condition, in order.
			result := objectResult{Satisfied: true, Conditions: []conditionResult{}}
			for _, p := range parsedConditions {
				c := p.satisfied(object)
				result.Satisfied = result.Satisfied && c.Matched && c.Error == ""
				result.Conditions = append(result.Conditions, c)
			}
			out.Results = append(out.Results, result)
		}
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, "waitfor:", err)
		os.Exit(1)
	}
}
