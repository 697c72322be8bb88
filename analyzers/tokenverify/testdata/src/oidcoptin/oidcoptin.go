// Package oidcoptin: a go-oidc check switched off only under an if on a
// setting that names the opt-in is the operator's choice, the same as
// the switch set from the setting itself. Under other conditions, or
// outside any, it is reported.
package oidcoptin

import (
	"os"

	"github.com/coreos/go-oidc/v3/oidc"
)

type settings struct {
	SkipVerification bool
	DevMode          bool
	Tenant           string
	Multi            bool
}

func (s settings) GetOIDCSkipVerification() bool { return s.SkipVerification }

func verifier(p *oidc.Provider, s settings, id string) *oidc.IDTokenVerifier {
	oc := &oidc.Config{ClientID: id}
	if s.GetOIDCSkipVerification() {
		oc.SkipClientIDCheck = true // the operator's opt-in
		oc.SkipExpiryCheck = true   // the operator's opt-in
		oc.SkipIssuerCheck = true   // the operator's opt-in
	}
	return p.Verifier(oc)
}

func devVerifier(p *oidc.Provider, s settings, id string) *oidc.IDTokenVerifier {
	if s.DevMode {
		return p.Verifier(&oidc.Config{ClientID: id, SkipExpiryCheck: true}) // a development mode
	}
	switch {
	case os.Getenv("OIDC_INSECURE") == "1":
		return p.Verifier(&oidc.Config{InsecureSkipSignatureCheck: true}) // an insecure switch
	}
	return p.Verifier(&oidc.Config{ClientID: id})
}

// --- reported: the condition is no opt-in, or there is none ---

func tenantVerifier(p *oidc.Provider, s settings, id string) *oidc.IDTokenVerifier {
	oc := &oidc.Config{ClientID: id}
	if s.Tenant != "" {
		oc.SkipExpiryCheck = true // want `oidc.Config sets SkipExpiryCheck`
	}
	if s.Multi {
		oc.SkipClientIDCheck = true // want `oidc.Config sets SkipClientIDCheck`
	}
	return p.Verifier(oc)
}

func always(p *oidc.Provider, id string) *oidc.IDTokenVerifier {
	oc := &oidc.Config{ClientID: id}
	oc.SkipIssuerCheck = true // want `oidc.Config sets SkipIssuerCheck`
	return p.Verifier(oc)
}
