//go:build tools

// Package tools pins the CNCF Distribution registry v3.1.2: the suite builds its cmd/registry to serve the packaged
// ServiceRadar chart over OCI on 127.0.0.1, so the umbrella chart's oci:// dependency resolves as it does in the
// cluster, without the network.
package tools

import _ "github.com/distribution/distribution/v3/cmd/registry"
