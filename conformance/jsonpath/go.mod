module serviceradar-release/conformance/jsonpath

go 1.26.0

require github.com/theory/jsonpath v0.9.0
