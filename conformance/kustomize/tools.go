//go:build tools

// Package tools pins kustomize v5.8.1, the binary Argo CD v3.5.1's image installs (argo-cd hack/tool-versions.sh
// kustomize5_version, hack/installers/install-kustomize.sh): the suite builds sigs.k8s.io/kustomize/kustomize/v5 (the
// CLI's own main package) from this module, with exactly kustomize's own dependency versions, to render the
// promoter's install as the repo-server does (argo-cd util/kustomize/kustomize.go Build).
package tools

import _ "sigs.k8s.io/kustomize/kustomize/v5"
