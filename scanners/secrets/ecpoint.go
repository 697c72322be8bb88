package secrets

import (
	"crypto/ecdh"
	"encoding/base64"
	"strings"
)

// ecPublicPoint says why a value is an elliptic-curve public key, or "":
// base64 of an uncompressed point (0x04, X, Y) that lies on P-256, P-384
// or P-521. A Web Push VAPID application server key is one; it is shipped
// to every browser that subscribes, and names like FCM_VAPID_KEY or
// applicationServerKey make a generic rule take it for a secret. The
// check is on the curve, not on the shape: 65 random bytes that start
// with 0x04 are not a point.
func ecPublicPoint(v string) string {
	v = strings.TrimSpace(v)
	if len(v) < 80 {
		return "" // base64 of a P-256 point is 87 characters or more
	}
	for _, e := range []*base64.Encoding{base64.RawURLEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.StdEncoding} {
		b, err := e.DecodeString(v)
		if err != nil || len(b) == 0 || b[0] != 4 {
			continue
		}
		for _, c := range []ecdh.Curve{ecdh.P256(), ecdh.P384(), ecdh.P521()} {
			if _, err := c.NewPublicKey(b); err == nil {
				return "the value is an elliptic-curve public key (such as a Web Push VAPID key), public by design"
			}
		}
	}
	return ""
}
