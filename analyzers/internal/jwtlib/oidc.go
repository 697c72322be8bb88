package jwtlib

import "go/types"

// oidcSkips are go-oidc Config switches that turn a verification off,
// with what each lets through.
var oidcSkips = map[string]string{
	"InsecureSkipSignatureCheck": "accepts ID tokens with any signature, so anyone can forge one",
	"SkipExpiryCheck":            "accepts expired ID tokens",
	"SkipIssuerCheck":            "accepts ID tokens issued by any issuer",
	"SkipClientIDCheck":          "accepts ID tokens issued to any client (audience)",
}

// OIDCSkip says what the go-oidc Config field named field lets through
// when set to true, if it is one of the verifier's Skip switches.
func OIDCSkip(field string) (string, bool) {
	what, ok := oidcSkips[field]
	return what, ok
}

// IsOIDCConfig reports whether t is go-oidc's verifier Config (or a
// pointer to it).
func IsOIDCConfig(t types.Type) bool {
	n := named(t)
	return n != nil && n.Obj().Pkg() != nil && IsOIDC(n.Obj().Pkg().Path()) && n.Obj().Name() == "Config"
}

// OIDCEndpointFields are the go-oidc ProviderConfig fields holding a URL
// the client fetches or sends the browser to.
var OIDCEndpointFields = []string{"IssuerURL", "AuthURL", "TokenURL", "DeviceAuthURL", "UserInfoURL", "JWKSURL"}

// OIDCPaths are the import paths of the go-oidc packages.
func OIDCPaths() []string {
	var out []string
	for _, m := range modules {
		if m.family != OIDC {
			continue
		}
		if m.major >= 3 {
			out = append(out, m.root+"/oidc")
		} else {
			out = append(out, m.root)
		}
	}
	return out
}
