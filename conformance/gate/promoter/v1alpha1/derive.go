// Package v1alpha1 builds, at run time, the Go types of github.com/argoproj-labs/gitops-promoter v0.36.0 api/v1alpha1
// that the WebRequestCommitStatus controller hands to its templates and expressions. The promoter module cannot be
// fetched here (the Go module proxy answers 403), and its code is not copied: the types are derived from the CRDs the
// promoter publishes (vendored verbatim under test/fixtures/crds/, passed in by the caller), by the kubebuilder
// conventions the CRDs were generated with, plus the table of facts the schema does not carry (exceptions.go).
//
// Every object property is a struct field tagged with its JSON name (omitempty unless the schema requires it) and
// named with its first letter upper-cased; arrays are slices, objects with additionalProperties maps,
// x-kubernetes-preserve-unknown-fields apiextensionsv1.JSON, format date-time metav1.Time, integers int64 / int32 /
// int by their format; the object's apiVersion and kind are the embedded metav1.TypeMeta and metadata the embedded
// ObjectMeta. The structs are unnamed (reflect.StructOf) and their fields in the schema's (alphabetical) order.
package v1alpha1

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// ObjectMeta is metav1.ObjectMeta without its methods. reflect.StructOf cannot embed a type with methods anywhere but
// first, and TypeMeta comes first as upstream; the fields (and so their promotion, PromotionStrategy.Name) are the
// same.
type ObjectMeta metav1.ObjectMeta

// Version is the CRD version the types are derived from.
const Version = "v1alpha1"

// Types are the derived types of the two kinds, by kind.
type Types map[string]reflect.Type

// FromCRDs derives the type of each CRD's kind (JSON CustomResourceDefinitions, as vendored) and checks that every
// entry of the exception table applies to exactly the properties it names.
func FromCRDs(crds ...json.RawMessage) (Types, error) {
	types := Types{}
	used := make([]int, len(exceptions))
	for _, raw := range crds {
		var crd apiextensionsv1.CustomResourceDefinition
		if err := json.Unmarshal(raw, &crd); err != nil {
			return nil, fmt.Errorf("CRD: %w", err)
		}
		kind := crd.Spec.Names.Kind
		index := slices.IndexFunc(crd.Spec.Versions, func(v apiextensionsv1.CustomResourceDefinitionVersion) bool {
			return v.Name == Version
		})
		if index < 0 || crd.Spec.Versions[index].Schema == nil || crd.Spec.Versions[index].Schema.OpenAPIV3Schema == nil {
			return nil, fmt.Errorf("CRD %q: no %s openAPIV3Schema", crd.Name, Version)
		}
		d := deriver{kind: kind, used: used}
		t, err := d.root(crd.Spec.Versions[index].Schema.OpenAPIV3Schema)
		if err != nil {
			return nil, fmt.Errorf("CRD %q: %w", crd.Name, err)
		}
		types[kind] = t
	}
	for i, count := range used {
		if count == 0 {
			return nil, fmt.Errorf("exception %q (%s) matches no property of the CRDs given", exceptions[i].Path, exceptions[i].Upstream)
		}
	}
	return types, nil
}

type deriver struct {
	kind string
	used []int
}

// root is the kind's object: metav1.TypeMeta inline for apiVersion and kind, ObjectMeta for metadata, then spec and
// status (api/v1alpha1 declares every kind so).
func (d deriver) root(schema *apiextensionsv1.JSONSchemaProps) (reflect.Type, error) {
	fields := []reflect.StructField{
		{Name: "TypeMeta", Type: reflect.TypeFor[metav1.TypeMeta](), Tag: `json:",inline"`, Anonymous: true},
		{Name: "ObjectMeta", Type: reflect.TypeFor[ObjectMeta](), Tag: `json:"metadata,omitempty"`, Anonymous: true},
	}
	for _, name := range []string{"apiVersion", "kind", "metadata"} {
		if _, found := schema.Properties[name]; !found {
			return nil, fmt.Errorf("the %s object has no %s", d.kind, name)
		}
	}
	rest := &apiextensionsv1.JSONSchemaProps{Type: "object", Required: schema.Required, Properties: map[string]apiextensionsv1.JSONSchemaProps{}}
	for name, property := range schema.Properties {
		if name != "apiVersion" && name != "kind" && name != "metadata" {
			rest.Properties[name] = property
		}
	}
	spec, err := d.structFields(rest, "")
	if err != nil {
		return nil, err
	}
	return reflect.StructOf(append(fields, spec...)), nil
}

func (d deriver) structFields(schema *apiextensionsv1.JSONSchemaProps, path string) ([]reflect.StructField, error) {
	names := make([]string, 0, len(schema.Properties))
	for name := range schema.Properties {
		names = append(names, name)
	}
	slices.Sort(names)
	fields := make([]reflect.StructField, 0, len(names))
	for _, name := range names {
		property := schema.Properties[name]
		propertyPath := join(path, name)
		exception, err := d.exception(propertyPath)
		if err != nil {
			return nil, err
		}
		goName := strings.ToUpper(name[:1]) + name[1:]
		if exception.GoName != "" {
			goName = exception.GoName
		}
		t := exception.Type
		if t == nil {
			if t, err = d.typeOf(&property, propertyPath); err != nil {
				return nil, err
			}
		}
		if exception.Pointer {
			t = reflect.PointerTo(t)
		}
		tag := name
		if !slices.Contains(schema.Required, name) {
			tag += ",omitempty"
		}
		fields = append(fields, reflect.StructField{Name: goName, Type: t, Tag: reflect.StructTag(`json:"` + tag + `"`)})
	}
	return fields, nil
}

func (d deriver) typeOf(schema *apiextensionsv1.JSONSchemaProps, path string) (reflect.Type, error) {
	if schema.XPreserveUnknownFields != nil && *schema.XPreserveUnknownFields {
		return reflect.TypeFor[apiextensionsv1.JSON](), nil
	}
	switch schema.Type {
	case "object":
		if schema.AdditionalProperties != nil && schema.AdditionalProperties.Schema != nil {
			value, err := d.typeOf(schema.AdditionalProperties.Schema, path+"{}")
			if err != nil {
				return nil, err
			}
			return reflect.MapOf(reflect.TypeFor[string](), value), nil
		}
		fields, err := d.structFields(schema, path)
		if err != nil {
			return nil, err
		}
		return reflect.StructOf(fields), nil
	case "array":
		if schema.Items == nil || schema.Items.Schema == nil {
			return nil, fmt.Errorf("%s.%s: array without one items schema", d.kind, path)
		}
		item, err := d.typeOf(schema.Items.Schema, path+"[]")
		if err != nil {
			return nil, err
		}
		return reflect.SliceOf(item), nil
	case "string":
		if schema.Format == "date-time" {
			return reflect.TypeFor[metav1.Time](), nil
		}
		return reflect.TypeFor[string](), nil
	case "integer":
		switch schema.Format {
		case "int64":
			return reflect.TypeFor[int64](), nil
		case "int32":
			return reflect.TypeFor[int32](), nil
		case "":
			return reflect.TypeFor[int](), nil
		}
	case "boolean":
		return reflect.TypeFor[bool](), nil
	}
	return nil, fmt.Errorf("%s.%s: no Go type derived for type %q format %q", d.kind, path, schema.Type, schema.Format)
}

// exception is the one entry of the table whose Path is a suffix of the property's path (at a property boundary),
// or none; two would be a table error.
func (d deriver) exception(path string) (Exception, error) {
	full := d.kind + "." + path
	found := -1
	for i, e := range exceptions {
		if full == e.Path || strings.HasSuffix(full, "."+e.Path) {
			if found >= 0 {
				return Exception{}, fmt.Errorf("%s: exceptions %q and %q both apply", full, exceptions[found].Path, e.Path)
			}
			found = i
		}
	}
	if found < 0 {
		return Exception{}, nil
	}
	d.used[found]++
	return exceptions[found], nil
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// Field is what a property became: the Go selector templates and expressions write for it (from the kind's object,
// "[]" for an element) and its Go type (an unnamed struct as "struct").
type Field struct {
	Selector string `json:"selector"`
	Type     string `json:"type"`
}

// Describe lists the fields of a derived type by JSON path (the kind first, as in the exception table), down to the
// Kubernetes types, which are upstream's own.
func Describe(kind string, t reflect.Type) map[string]Field {
	out := map[string]Field{}
	describe(t, kind, kind, out)
	return out
}

func describe(t reflect.Type, path, selector string, out map[string]Field) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		if t.Kind() != reflect.Pointer {
			suffix := map[reflect.Kind]string{reflect.Slice: "[]", reflect.Map: "{}"}[t.Kind()]
			path, selector = path+suffix, selector+suffix
		}
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t.Name() != "" {
		return
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Anonymous {
			continue
		}
		out[path+"."+name] = Field{Selector: selector + "." + f.Name, Type: typeName(f.Type)}
		describe(f.Type, path+"."+name, selector+"."+f.Name, out)
	}
}

func typeName(t reflect.Type) string {
	switch {
	case t.Kind() == reflect.Pointer:
		return "*" + typeName(t.Elem())
	case t.Kind() == reflect.Slice:
		return "[]" + typeName(t.Elem())
	case t.Kind() == reflect.Map:
		return "map[" + typeName(t.Key()) + "]" + typeName(t.Elem())
	case t.Kind() == reflect.Struct && t.Name() == "":
		return "struct"
	}
	return t.String()
}
