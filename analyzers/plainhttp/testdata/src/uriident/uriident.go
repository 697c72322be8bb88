// Package uriident holds constants named ...URI: an identifier unless an
// API word says the URI is where an API lives.
package uriident

// Near miss: RTP header-extension URIs (RFC 8285) name an extension in
// SDP; nothing fetches them.
const (
	AbsCaptureTimeURI = "http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time"
	TransportCCURI    = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01"
	DependencyDescURI = "http://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension"
)

// Near miss: a profile identifier and a list of claim-type URIs.
const ProfileURI = "http://acme.io/profiles/v1"

var ClaimTypeURIs = []string{"http://acme.io/claims/role"}

// Positive: an OAuth token endpoint named with an API word.
const TokenURI = "http://auth.acme.io/oauth/token" // want `constant TokenURI holds plain HTTP URL http://auth.acme.io`

// Positive: a service location.
const ServiceURI = "http://api.acme.io/v2" // want `constant ServiceURI holds plain HTTP URL http://api.acme.io`

// Positive: a URL-named base is judged as before.
const PlayoutBaseURL = "http://media.acme.io" // want `constant PlayoutBaseURL holds plain HTTP URL http://media.acme.io`
