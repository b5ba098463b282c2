//go:build tools

// Package tools pins Helm v4.2.1, the binary Argo CD v3.5.1's image installs (argo-cd hack/tool-versions.sh
// helm4_version): the suite builds helm.sh/helm/v4/cmd/helm from this module, with exactly Helm's own dependency
// versions, to render the hydrated umbrella charts as the repo-server does.
package tools

import _ "helm.sh/helm/v4/cmd/helm"
