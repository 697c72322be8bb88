// Package hdrconst exports HTTP header names as constants, as fasthttp
// does (fasthttp.HeaderAuthorization).
package hdrconst

const (
	HeaderAuthorization      = "Authorization"
	HeaderProxyAuthorization = "Proxy-Authorization"
)
