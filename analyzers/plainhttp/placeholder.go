package plainhttp

import "strings"

// Placeholder hosts in name-only findings.
//
// A holder finding rests on a name (a field, variable or constant
// called BaseURL) and a concrete host. RFC 2606 reserves example.com,
// example.org and example.net for documentation, and the .example and
// .invalid top-level domains never resolve. Code that means a real
// service gives the stand-in a service name (api.example.com standing
// for api.vendor.com) and is still reported; code that writes the bare
// reserved domain, or a name under a TLD that cannot resolve, fills the
// field to have some value (a template validated against a dummy
// context). The same holds for an OAuth2 endpoint or redirect field
// (oauth2.Endpoint.AuthURL: goth's faux test provider): no request is
// made where it is written. Where such a URL reaches a client call,
// traffic is the evidence and it is reported like any other.

// placeholderHost reports whether host is a bare reserved example
// domain or lies under a top-level domain that never resolves.
func placeholderHost(host string) bool {
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	switch h {
	case "example.com", "example.org", "example.net", "www.example.com", "www.example.org", "www.example.net":
		return true
	}
	return strings.HasSuffix(h, ".example") || strings.HasSuffix(h, ".invalid") || h == "example" || h == "invalid"
}
