package plainhttp

import (
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// urlWords end the names of values that hold where an API lives:
// BaseURL, apiEndpoint, TokenURI, ServerHost, APIBase.
var urlWords = map[string]bool{
	"url": true, "urls": true, "uri": true, "uris": true,
	"endpoint": true, "endpoints": true, "baseurl": true, "apiurl": true,
	"host": true, "server": true, "addr": true, "address": true,
	"base": true, "api": true, "upstream": true,
	// An OpenID Connect issuer is the base URL of the identity
	// provider: discovery, token and userinfo requests go below it.
	"issuer": true,
}

// bareWords are too generic on their own: a field named URL is as often
// a link in a data record as an API location, a parameter named url is
// whatever the function does with it.
var bareWords = map[string]bool{
	"url": true, "urls": true, "uri": true, "uris": true, "addr": true, "address": true,
	"issuer": true, // a token's iss claim (Claims.Issuer) is a name, compared, never fetched
}

// notBaseWords mark names of URLs that are shown, linked or matched, not
// called: documentation and home pages, licences, schemas and
// namespaces, images, CORS origins, proxies (plain HTTP proxies tunnel
// TLS), listeners, prefixes, and test doubles.
var notBaseWords = map[string]bool{
	"doc": true, "docs": true, "documentation": true, "help": true, "homepage": true,
	"home": true, "website": true, "site": true, "license": true, "licence": true,
	"schema": true, "schemas": true, "namespace": true, "ns": true, "xmlns": true,
	"spec": true, "readme": true, "issue": true, "issues": true, "bug": true,
	"bugs": true, "repo": true, "repository": true, "source": true, "project": true,
	"terms": true, "tos": true, "privacy": true, "policy": true, "support": true,
	"logo": true, "icon": true, "image": true, "img": true, "avatar": true,
	"picture": true, "photo": true, "example": true, "examples": true, "sample": true,
	"wiki": true, "blog": true, "faq": true, "about": true, "contact": true,
	"changelog": true, "release": true, "releases": true, "info": true, "more": true,
	"learn": true, "reference": true, "profile": true, "page": true, "link": true,
	"links": true, "href": true, "asset": true, "assets": true, "static": true,
	"proxy": true, "listen": true, "bind": true, "origin": true, "origins": true,
	"prefix": true, "scheme": true, "pattern": true, "regex": true, "regexp": true,
	"test": true, "mock": true, "fake": true, "dummy": true, "stub": true,
	"local": true, "raw": true, "str": true, "full": true, "rel": true,
	"relative": true, "next": true, "prev": true, "previous": true, "canonical": true,
	"feed": true, "rss": true, "share": true, "tracking": true, "unsubscribe": true,
}

// apiWords qualify a generic URL word as an API location in the names
// of fields and parameters, where a bare "somethingURL" is as often a
// link in a data record (ExternalURL, AvatarURL, PermalinkURL).
var apiWords = map[string]bool{
	"base": true, "api": true, "service": true, "svc": true, "server": true, "host": true,
	"endpoint": true, "remote": true, "upstream": true, "backend": true, "gateway": true,
	"issuer": true, "token": true, "auth": true, "authorize": true, "authorization": true,
	"oauth": true, "oauth2": true, "oidc": true, "jwks": true, "jwk": true, "webhook": true,
	"hook": true, "callback": true, "redirect": true, "registry": true, "provider": true,
	"idp": true, "sso": true, "login": true, "discovery": true, "introspection": true,
	"introspect": true, "userinfo": true, "revoke": true, "revocation": true, "device": true,
	"rest": true, "graphql": true, "rpc": true, "collector": true, "ingest": true,
	"notify": true, "notification": true, "broker": true, "cluster": true, "agent": true,
	"hub": true, "root": true, "target": true, "connect": true, "connection": true,
	// The servers of a failover pair: PrimaryURL, FallbackURL.
	"primary": true, "secondary": true, "fallback": true, "failover": true,
}

// isBaseName reports whether an identifier names a base URL or API
// location: BaseURL, apiURL, TokenEndpoint, ServerHost, APIBase, but not
// URL, docsURL, licenseURL, proxyURL or allowedOrigins. With strict (for
// fields and parameters), a generic word such as URL needs an API
// qualifier: ServiceURL and TokenURL, but not ExternalURL.
func isBaseName(name string, strict bool) bool {
	w := credname.Words(name)
	// Drop words that qualify without changing what the value is:
	// defaultBaseURL, BaseURLDefault, baseURLStr.
	for len(w) > 1 && (w[len(w)-1] == "default" || w[len(w)-1] == "fallback" || w[len(w)-1] == "str" || w[len(w)-1] == "string" || w[len(w)-1] == "value") {
		w = w[:len(w)-1]
	}
	for len(w) > 1 && (w[0] == "default" || w[0] == "fallback" && !(len(w) == 2 && bareWords[w[1]])) {
		// A fallback's bare URL (FallbackURL) is the URL of a fallback
		// server, kept as such (apiWords).
		w = w[1:]
	}
	if len(w) == 0 {
		return false
	}
	last := w[len(w)-1]
	if !urlWords[last] {
		// Lower-case compounds: baseurl, apiurl, apiendpoint.
		j := strings.Join(w, "")
		if !strings.HasSuffix(j, "baseurl") && !strings.HasSuffix(j, "apiurl") && !strings.HasSuffix(j, "endpoint") {
			return false
		}
	}
	if len(w) == 1 && bareWords[last] {
		return false
	}
	if last == "uri" || last == "uris" {
		// RFC 3986 calls every identifier a URI, and constants named
		// so are mostly names of things that are never fetched: RTP
		// header-extension URIs (AbsCaptureTimeURI), namespace,
		// profile and claim-type URIs. A URI is an API location only
		// with an API word beside it (TokenURI, RedirectURI,
		// ServiceURI), whatever kind of name holds it.
		strict = true
	}
	for _, x := range w {
		if notBaseWords[x] {
			return false
		}
	}
	if strict && bareWords[last] {
		for _, x := range w[:len(w)-1] {
			if apiWords[x] {
				return true
			}
		}
		return false
	}
	return true
}

// setterName reports whether a function name sets a base URL:
// SetBaseURL, WithEndpoint, WithAPIURL.
func setterName(name string) bool {
	for _, p := range []string{"Set", "With"} {
		if rest, ok := strings.CutPrefix(name, p); ok && rest != "" {
			return isBaseName(rest, true)
		}
	}
	return false
}
