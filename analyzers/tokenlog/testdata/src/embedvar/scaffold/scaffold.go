// Package scaffold ships configuration templates in the binary.
package scaffold

import _ "embed"

// Credential is the credential.toml template.
//
//go:embed credential.toml
var Credential string // want Credential:`plain: a file embedded at build time`

// Secret is set at run time from the environment.
var Secret string
