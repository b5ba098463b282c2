// Command crd-validate answers, for each object of a request, what a Kubernetes API server serving the given
// CustomResourceDefinitions would answer to `create` with field validation Strict: it runs k8s.io/apiextensions-apiserver
// v0.36.3's own code, wired as the server wires it. Nothing here validates by itself.
//
//	crd-validate <CRD YAML file>...
//
// reads requests from stdin until it ends, one JSON value each: {"objects": [<object>, ...]}, and answers each with
// one line of JSON: {"kinds": ["<group>/<version>/<Kind>", ...],
// "results": [{"unknownFields": [...], "errors": [...], "warnings": [...], "object": {...}}, ...]}, one result per
// object, in order. A client keeps one process for many requests: the CRDs are read and each kind's CEL rules compiled
// once. unknownFields are the paths field validation Strict rejects while decoding (the server stops there); errors
// are what create returns for the object as decoded, pruned and defaulted (what the server answers when those fields
// are absent, or under field validation Warn/Ignore); object is that defaulted object.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"sync"

	"k8s.io/apiextensions-apiserver/pkg/apihelpers"
	"k8s.io/apiextensions-apiserver/pkg/apis/apiextensions"
	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	structuralschema "k8s.io/apiextensions-apiserver/pkg/apiserver/schema"
	structuraldefaulting "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/defaulting"
	schemaobjectmeta "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/objectmeta"
	structuralpruning "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/pruning"
	apiservervalidation "k8s.io/apiextensions-apiserver/pkg/apiserver/validation"
	"k8s.io/apiextensions-apiserver/pkg/crdserverscheme"
	"k8s.io/apiextensions-apiserver/pkg/registry/customresource"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	genericapirequest "k8s.io/apiserver/pkg/endpoints/request"
	"k8s.io/apiserver/pkg/registry/rest"
	"k8s.io/apiserver/pkg/warning"
	"sigs.k8s.io/yaml"
)

type request struct {
	Objects []json.RawMessage `json:"objects"`
}

type result struct {
	UnknownFields []string               `json:"unknownFields"`
	Errors        []string               `json:"errors"`
	Warnings      []string               `json:"warnings"`
	Object        map[string]interface{} `json:"object,omitempty"`
}

type answer struct {
	Kinds   []string `json:"kinds"`
	Results []result `json:"results"`
}

// servedVersion is one version of one CRD; its strategy and schemas are built on first use, since building the
// strategy compiles every CEL rule of the schema and most requests name a few kinds only.
type servedVersion struct {
	crd     *apiextensionsv1.CustomResourceDefinition
	version apiextensionsv1.CustomResourceDefinitionVersion
	once    sync.Once
	built   *builtVersion
	err     error
}

type builtVersion struct {
	structural *structuralschema.Structural
	strategy   rest.RESTCreateStrategy
}

func main() {
	if err := run(os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "crd-validate:", err)
		os.Exit(1)
	}
}

func run(crdFiles []string, in io.Reader, out io.Writer) error {
	served, err := loadCRDs(crdFiles)
	if err != nil {
		return err
	}
	kinds := make([]string, 0, len(served))
	for key := range served {
		kinds = append(kinds, key)
	}
	sort.Strings(kinds)
	requests := json.NewDecoder(in)
	answers := json.NewEncoder(out)
	for {
		var req request
		if err := requests.Decode(&req); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("reading a request: %w", err)
		}
		ans := answer{Kinds: kinds, Results: make([]result, 0, len(req.Objects))}
		for _, raw := range req.Objects {
			ans.Results = append(ans.Results, create(served, raw))
		}
		if err := answers.Encode(ans); err != nil {
			return err
		}
	}
}

// loadCRDs reads every CustomResourceDefinition of the files, keyed by "<group>/<version>/<Kind>" for each served
// version, with the defaults the API server applies when it stores a CRD.
func loadCRDs(files []string) (map[string]*servedVersion, error) {
	served := map[string]*servedVersion{}
	for _, file := range files {
		content, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		reader := utilyaml.NewYAMLOrJSONDecoder(bytes.NewReader(content), 4096)
		for {
			var document map[string]interface{}
			if err := reader.Decode(&document); err == io.EOF {
				break
			} else if err != nil {
				return nil, fmt.Errorf("%s: %w", file, err)
			}
			if document["kind"] != "CustomResourceDefinition" {
				continue
			}
			documentJSON, err := json.Marshal(document)
			if err != nil {
				return nil, err
			}
			crd := &apiextensionsv1.CustomResourceDefinition{}
			if err := yaml.UnmarshalStrict(documentJSON, crd); err != nil {
				return nil, fmt.Errorf("%s: %w", file, err)
			}
			apiextensionsv1.SetObjectDefaults_CustomResourceDefinition(crd)
			for _, version := range crd.Spec.Versions {
				if !version.Served {
					continue
				}
				key := crd.Spec.Group + "/" + version.Name + "/" + crd.Spec.Names.Kind
				served[key] = &servedVersion{crd: crd, version: version}
			}
		}
	}
	return served, nil
}

// build wires one version the way customresource_handler.go (crdHandler.getOrCreateServingInfoFor) does at v0.36.3:
// the structural schema with its defaults pruned, the OpenAPI schema validators, and customresource.NewStrategy.
func (s *servedVersion) build() (*builtVersion, error) {
	s.once.Do(func() {
		crd, name := s.crd, s.version.Name
		kind := schema.GroupVersionKind{Group: crd.Spec.Group, Version: name, Kind: crd.Spec.Names.Kind}
		validationSchema, err := apihelpers.GetSchemaForVersion(crd, name)
		if err != nil {
			s.err = err
			return
		}
		var internalSchemaProps *apiextensions.JSONSchemaProps
		var internalValidation *apiextensions.CustomResourceValidation
		if validationSchema != nil {
			internalValidation = &apiextensions.CustomResourceValidation{}
			if err := apiextensionsv1.Convert_v1_CustomResourceValidation_To_apiextensions_CustomResourceValidation(validationSchema, internalValidation, nil); err != nil {
				s.err = err
				return
			}
			internalSchemaProps = internalValidation.OpenAPIV3Schema
		}
		structural, err := structuralschema.NewStructural(internalSchemaProps)
		if err != nil {
			s.err = fmt.Errorf("%s: the schema is not structural: %w", kind, err)
			return
		}
		// The handler's own copy: defaults are pruned in place.
		structural = structural.DeepCopy()
		if err := structuraldefaulting.PruneDefaults(structural); err != nil {
			s.err = err
			return
		}
		validator, _, err := apiservervalidation.NewSchemaValidator(internalSchemaProps)
		if err != nil {
			s.err = err
			return
		}
		subresources, err := apihelpers.GetSubresourcesForVersion(crd, name)
		if err != nil {
			s.err = err
			return
		}
		var statusSpec *apiextensions.CustomResourceSubresourceStatus
		var statusValidator apiservervalidation.SchemaValidator
		var scaleSpec *apiextensions.CustomResourceSubresourceScale
		if subresources != nil && subresources.Status != nil {
			statusSpec = &apiextensions.CustomResourceSubresourceStatus{}
			if err := apiextensionsv1.Convert_v1_CustomResourceSubresourceStatus_To_apiextensions_CustomResourceSubresourceStatus(subresources.Status, statusSpec, nil); err != nil {
				s.err = err
				return
			}
			if internalSchemaProps != nil {
				if statusSchema, ok := internalSchemaProps.Properties["status"]; ok {
					if statusValidator, _, err = apiservervalidation.NewSchemaValidator(&statusSchema); err != nil {
						s.err = err
						return
					}
				}
			}
		}
		if subresources != nil && subresources.Scale != nil {
			scaleSpec = &apiextensions.CustomResourceSubresourceScale{}
			if err := apiextensionsv1.Convert_v1_CustomResourceSubresourceScale_To_apiextensions_CustomResourceSubresourceScale(subresources.Scale, scaleSpec, nil); err != nil {
				s.err = err
				return
			}
		}
		strategy := customresource.NewStrategy(
			crdserverscheme.NewUnstructuredObjectTyper(),
			crd.Spec.Scope == apiextensionsv1.NamespaceScoped,
			kind,
			validator,
			statusValidator,
			structural,
			statusSpec,
			scaleSpec,
			s.version.SelectableFields,
		)
		s.built = &builtVersion{structural: structural, strategy: strategy}
	})
	return s.built, s.err
}

type warnings []string

func (w *warnings) AddWarning(_, text string) { *w = append(*w, text) }

// create answers for one object what the API server's create answers.
func create(served map[string]*servedVersion, raw json.RawMessage) result {
	res := result{UnknownFields: []string{}, Errors: []string{}, Warnings: []string{}}
	fail := func(err error) result {
		res.Errors = append(res.Errors, err.Error())
		return res
	}

	// Decoding as the server's JSON serializer does for Unstructured (integers stay int64).
	decoded, _, err := unstructured.UnstructuredJSONScheme.Decode(raw, nil, nil)
	if err != nil {
		return fail(err)
	}
	u, ok := decoded.(*unstructured.Unstructured)
	if !ok {
		return fail(fmt.Errorf("expected one object, got %T", decoded))
	}
	gvk := u.GroupVersionKind()
	version, ok := served[gvk.Group+"/"+gvk.Version+"/"+gvk.Kind]
	if !ok {
		return fail(fmt.Errorf("no matches for kind %q in version %q", gvk.Kind, gvk.GroupVersion().String()))
	}
	built, err := version.build()
	if err != nil {
		return fail(err)
	}

	unknownFields, err := coerce(u, built.structural)
	if err != nil {
		return fail(err)
	}
	res.UnknownFields = append(res.UnknownFields, unknownFields...)
	// The decoding codec defaults after decoding (customresource_handler.go, unstructuredDefaulter.Default).
	structuraldefaulting.Default(u.Object, built.structural)
	res.Object = u.DeepCopy().Object

	// What registry.Store.create (k8s.io/apiserver/pkg/registry/generic/registry/store.go) does before storing:
	// system fields, then rest.BeforeCreate (namespace, PrepareForCreate, strategy.Validate, ObjectMeta, warnings).
	// The request's namespace is the object's own, as kubectl and the Pulumi provider send it.
	rest.FillObjectMetaSystemFields(u)
	recorded := &warnings{}
	ctx := warning.WithWarningRecorder(genericapirequest.WithNamespace(context.Background(), u.GetNamespace()), recorded)
	if err := rest.BeforeCreate(built.strategy, ctx, u); err != nil {
		res.Errors = append(res.Errors, statusErrors(err)...)
	}
	res.Warnings = append(res.Warnings, *recorded...)
	return res
}

// coerce is unstructuredSchemaCoercer.apply of customresource_handler.go at v0.36.3 as the create handler's decoder
// runs it under field validation Strict (returnUnknownFieldPaths, no dropping of invalid metadata): ObjectMeta read
// strictly, unknown fields pruned and their paths returned, non-nullable nulls dropped, embedded ObjectMeta coerced.
func coerce(u *unstructured.Unstructured, structural *structuralschema.Structural) ([]string, error) {
	kind, foundKind, err := unstructured.NestedString(u.Object, "kind")
	if err != nil {
		return nil, err
	}
	apiVersion, foundAPIVersion, err := unstructured.NestedString(u.Object, "apiVersion")
	if err != nil {
		return nil, err
	}
	objectMeta, foundObjectMeta, unknownFields, err := schemaobjectmeta.GetObjectMetaWithOptions(u.Object, schemaobjectmeta.ObjectMetaOptions{ReturnUnknownFieldPaths: true})
	if err != nil {
		return nil, err
	}
	unknownFields = append(unknownFields, structuralpruning.PruneWithOptions(u.Object, structural, true, structuralschema.UnknownFieldPathOptions{TrackUnknownFieldPaths: true})...)
	structuraldefaulting.PruneNonNullableNullsWithoutDefaults(u.Object, structural)
	fieldErr, paths := schemaobjectmeta.CoerceWithOptions(nil, u.Object, structural, false, schemaobjectmeta.CoerceOptions{ReturnUnknownFieldPaths: true})
	if fieldErr != nil {
		return nil, fieldErr
	}
	unknownFields = append(unknownFields, paths...)
	if foundKind {
		u.SetKind(kind)
	}
	if foundAPIVersion {
		u.SetAPIVersion(apiVersion)
	}
	if foundObjectMeta {
		if err := schemaobjectmeta.SetObjectMeta(u.Object, objectMeta); err != nil {
			return nil, err
		}
	}
	return unknownFields, nil
}

// statusErrors lists an API error the way kubectl prints its causes: one "<field>: <message>" per invalid field.
func statusErrors(err error) []string {
	status, ok := err.(apierrors.APIStatus)
	if !ok || status.Status().Details == nil || len(status.Status().Details.Causes) == 0 {
		return []string{err.Error()}
	}
	var lines []string
	for _, cause := range status.Status().Details.Causes {
		lines = append(lines, cause.Field+": "+cause.Message)
	}
	return lines
}
