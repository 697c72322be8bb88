package tokenverify

import "go/ast"

// A request signature made by hashing the request's data with the
// program's secret, md5(apiKey + timestamp + path + apiSecret), as many
// API gateways and admin panels sign their APIs (gocron's apiAuth):
//
//	raw := apiKey + strconv.FormatInt(time, 10) + ctx.Req.URL.Path + apiSecret
//	realSign := utils.Md5(raw)
//	if sign != realSign { … reject … }
//
// Neither side is named as a credential, and the digest is no HMAC
// from crypto/hmac, but the digest is keyed: it holds a secret the
// program keeps, so it is a MAC, and comparing it with the caller's
// signature in variable time lets the caller forge one byte by byte.
//
// Rule: one operand is a digest the function computes (a digest call or
// helper, or a local given only those) over input that holds a
// credential the program keeps (mixesStored: a field or variable named
// or typed as one, not read from the request); the other is read from
// the request and holds no such credential; the comparison decides.

// keyedDigestVsRequest reports whether d is a digest keyed with a stored
// secret and other the caller's value.
func (c *pkgctx) keyedDigestVsRequest(d, other ast.Expr) bool {
	return c.computedDigest(d) && c.mixesStored(d, 0) && c.fromRequest(other, 0) && !c.mixesStored(other, 0) && !c.computedDigest(other)
}
