package sinks

import (
	"fmt"
	"net/http"
)

// Header values built with fmt.Sprintf are judged like concatenations:
// hardcoded only when every operand is a constant.

const sigV4 = "AWS4-HMAC-SHA256"

const scheme = "Token"

func signed(req *http.Request, accessKey, scope, signature string) {
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", "Rt6Yu8Io0Pa2Sd4F"))     // want `credential in HTTP header Authorization is a string literal`
	req.Header.Set("Authorization", fmt.Sprintf("%s %s", scheme, "Gh3Jk5Lz7Xc9Vb1N")) // want `credential in HTTP header Authorization is a string literal`

	// Near misses: a constant operand beside run-time ones is a label.
	req.Header.Set("authorization", fmt.Sprintf("%s Credential=%s/%s, Signature=%s", sigV4, accessKey, scope, signature)) // the SigV4 algorithm name: silent
	req.Header.Set("Authorization", fmt.Sprintf("%s %s", scheme, accessKey))                                              // scheme constant, run-time key: silent
	req.Header.Set("Authorization", fmt.Sprintf("%s %s", "SharedKeyLite", signature))                                     // scheme literal, run-time signature: silent
}
