// Package encoded sends literals the program base64- or hex-encodes
// itself into credential headers.
package encoded

import (
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"os"
)

const exportCreds = "svc-export:Qz8vL2mT9xW4kR7p" // want `credential in HTTP header Authorization is a string literal \(through const exportCreds\)`

func positives(req *http.Request) {
	req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte("opsbot:Fv8#Lq2@Zm5!Rt9w"))) // want `credential in HTTP header Authorization is a string literal`
	req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(exportCreds)))               // reported at the constant
	req.Header.Set("X-Api-Key", hex.EncodeToString([]byte("k7Pq2Lx9Vt4Wz8Rn3Mb6")))                                // want `credential in HTTP header X-Api-Key is a string literal`
}

func nearMisses(req *http.Request, user string) {
	req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte("user:password")))          // silent: documentation
	req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte("admin:admin")))            // silent: no secret-looking password
	req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(user+":"+os.Getenv("PW")))) // silent: read at run time
	req.Header.Set("X-Request-Id", base64.RawURLEncoding.EncodeToString([]byte("k7Pq2Lx9Vt4Wz8Rn3Mb6")))          // silent: not a credential header
	req.Header.Set("X-Api-Key", hex.EncodeToString([]byte("api-key")))                                            // silent: a word
}
