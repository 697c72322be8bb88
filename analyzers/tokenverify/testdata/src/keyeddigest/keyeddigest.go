// Package keyeddigest: a request signed by hashing its data with the
// program's secret (md5(key + time + path + secret)) and compared with
// the caller's signature in variable time. Near misses: the constant-time
// compare, a digest of the request alone (no secret in it), and the
// digest of a presented password against the stored hash.
package keyeddigest

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"gopkg.in/macaron.v1"
)

type settings struct {
	APIKey    string
	APISecret string
}

var setting settings

func md5Hex(s string) string {
	m := md5.New()
	m.Write([]byte(s))
	return hex.EncodeToString(m.Sum(nil))
}

func apiAuth(w http.ResponseWriter, r *http.Request) {
	apiKey := strings.TrimSpace(setting.APIKey)
	apiSecret := strings.TrimSpace(setting.APISecret)
	ts, _ := strconv.ParseInt(r.URL.Query().Get("time"), 10, 64)
	sign := strings.TrimSpace(r.URL.Query().Get("sign"))
	raw := apiKey + strconv.FormatInt(ts, 10) + r.URL.Path + apiSecret
	realSign := md5Hex(raw)
	if sign != realSign { // want `request signature compared with != against a digest keyed with the program's secret`
		http.Error(w, "bad signature", http.StatusForbidden)
		return
	}
}

func apiAuthConstantTime(w http.ResponseWriter, r *http.Request) {
	sign := r.URL.Query().Get("sign")
	sum := sha256.Sum256([]byte(r.URL.Path + setting.APISecret))
	realSign := hex.EncodeToString(sum[:])
	if !hmac.Equal([]byte(sign), []byte(realSign)) { // silent: constant time
		http.Error(w, "bad signature", http.StatusForbidden)
	}
}

func etagMatches(w http.ResponseWriter, r *http.Request, body string) bool {
	etag := md5Hex(r.URL.Path + body)
	return r.Header.Get("If-None-Match") == etag // silent: a digest of content, no secret in it
}

type user struct{ PasswordHash string }

func login(w http.ResponseWriter, r *http.Request, u user) {
	if md5Hex(r.FormValue("password")) != u.PasswordHash { // silent here: a digest of what the caller presents against the stored one
		http.Error(w, "bad login", http.StatusUnauthorized)
	}
}

// macaronAuth is the same check in macaron (gocron's apiAuth).
func macaronAuth(ctx *macaron.Context) {
	apiKey := strings.TrimSpace(setting.APIKey)
	apiSecret := strings.TrimSpace(setting.APISecret)
	ts := ctx.QueryInt64("time")
	sign := ctx.QueryTrim("sign")
	raw := apiKey + strconv.FormatInt(ts, 10) + strings.TrimSpace(ctx.Req.URL.Path) + apiSecret
	realSign := md5Hex(raw)
	if sign != realSign { // want `request signature compared with != against a digest keyed with the program's secret`
		ctx.Write([]byte("bad signature"))
		return
	}
}

// A project's own request context (goploy's server.Goploy): the request,
// its writer, its query and its body, handed to every handler. The
// signature is a stream digest over the body, the time and the secret.
type Goploy struct {
	UserInfo       user
	Request        *http.Request
	ResponseWriter http.ResponseWriter
	URLQuery       map[string][]string
	Query          url.Values
	Body           []byte
}

func checkSign(gp *Goploy) bool {
	sign := gp.Query.Get("sign")
	ts := gp.Query.Get("timestamp")
	h := sha256.New()
	h.Write([]byte(string(gp.Body) + ts + setting.APISecret))
	if sign != hex.EncodeToString(h.Sum(nil)) { // want `request signature compared with != against a digest keyed with the program's secret`
		return false
	}
	return true
}

// Near misses: the wrapper's server-side user is no request content, and
// a stream digest of the body alone holds no secret.
func sameUser(gp *Goploy, stored user) bool {
	return gp.UserInfo.PasswordHash == stored.PasswordHash
}

func bodyDigest(gp *Goploy) bool {
	h := sha256.New()
	h.Write(gp.Body)
	return gp.Query.Get("digest") == hex.EncodeToString(h.Sum(nil))
}
