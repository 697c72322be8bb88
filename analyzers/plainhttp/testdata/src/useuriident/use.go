// Package useuriident uses uriident's identifier constants: where one
// reaches a client, it is reported at the call.
package useuriident

import (
	"net/http"

	"uriident"
)

// Near miss: an extension URI compared, as SDP negotiation does.
func negotiated(uri string) bool {
	return uri == uriident.AbsCaptureTimeURI
}

// Positive: the same constant fetched: the call is the evidence.
func fetch() {
	http.Get(uriident.ProfileURI) // want `constant uriident.ProfileURI holds plain HTTP URL http://acme.io and reaches http.Get`
}
