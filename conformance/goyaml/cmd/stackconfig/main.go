// Reads a Pulumi stack file from standard input with go-yaml v3, the parser the Pulumi CLI reads
// Pulumi.<stack>.yaml with, and prints its `config:` section as JSON: each value as the text a program reads
// (a scalar's source text, as go-yaml gives it to a string target), a collection as JSON. A file go-yaml refuses
// prints {"error": "..."}. No YAML logic here: go-yaml does all of the reading.
package main

import (
	"encoding/json"
	"io"
	"os"

	"gopkg.in/yaml.v3"
)

// configValue is decoded by go-yaml: into a string when the value is a scalar, else into a generic value.
type configValue struct {
	text   *string
	object interface{}
}

func (v *configValue) UnmarshalYAML(node *yaml.Node) error {
	var text string
	if err := node.Decode(&text); err == nil {
		v.text = &text
		return nil
	}
	return node.Decode(&v.object)
}

func (v configValue) MarshalJSON() ([]byte, error) {
	if v.text != nil {
		return json.Marshal(*v.text)
	}
	return json.Marshal(v.object)
}

type stackFile struct {
	Config map[string]configValue `yaml:"config"`
}

func main() {
	input, err := io.ReadAll(os.Stdin)
	if err != nil {
		panic(err)
	}
	var stack stackFile
	out := json.NewEncoder(os.Stdout)
	if err := yaml.Unmarshal(input, &stack); err != nil {
		_ = out.Encode(map[string]string{"error": err.Error()})
		return
	}
	_ = out.Encode(map[string]interface{}{"config": stack.Config})
}
