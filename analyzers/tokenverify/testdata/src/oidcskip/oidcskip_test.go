package oidcskip

import (
	"testing"

	"github.com/coreos/go-oidc/v3/oidc"
)

// Tests verify fixtures nobody signed: the rule ignores _test.go files.
func TestVerify(t *testing.T) {
	var p *oidc.Provider
	_ = p.Verifier(&oidc.Config{InsecureSkipSignatureCheck: true, SkipExpiryCheck: true, SkipClientIDCheck: true})
}
